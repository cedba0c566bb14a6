package dev.readbackplan.internal.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.internal.json.Finding;
import dev.readbackplan.internal.json.Findings;
import dev.readbackplan.internal.text.Pointer;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The scan's cache of clean keys against the plain scan: seeded documents whose objects repeat keys
 * (clean ones, secrets, raw payloads, unpaired surrogates, keys over the cached length) give the same
 * findings, in the same order, whether the cache is cold or warm.
 */
class CleanKeysTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] KEYS = {
        "surface_id", "label", "acceptance_candidate_id", "repo_sha256", "x",
        "123456789:" + "A".repeat(35),
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJleGFtcGxlIn0.ZmFrZS1zaWduYXR1cmU",
        "-----BEGIN RSA PRIVATE KEY-----",
        "Authorization: Bearer fake0token1for2tests3only",
        "lone \uD800 surrogate", "pair \uD83D\uDE00 fine",
        "k".repeat(65), "password=" + "p4ss".repeat(20),
        "0123456789abcdef".repeat(4), "normal key with spaces",
    };

    private static ObjectNode document(SplittableRandom random) {
        ObjectNode root = NODES.objectNode();
        ArrayNode list = root.putArray("items");
        int items = 1 + random.nextInt(40);
        for (int i = 0; i < items; i++) {
            ObjectNode item = list.addObject();
            for (int k = 0; k < 1 + random.nextInt(8); k++) {
                String key = KEYS[random.nextInt(KEYS.length)] + (random.nextInt(4) == 0 ? "_" + random.nextInt(3) : "");
                if (random.nextBoolean()) {
                    item.put(key, KEYS[random.nextInt(KEYS.length)]);
                } else {
                    item.putObject(key).put(KEYS[random.nextInt(KEYS.length)], i);
                }
            }
        }
        return root;
    }

    private static List<Finding> scan(ObjectNode document, boolean plain) {
        Findings findings = new Findings(100_000);
        if (plain) {
            StringFindings.scanPlain(document, Pointer.ROOT, findings);
        } else {
            StringFindings.scan(document, Pointer.ROOT, findings);
        }
        return findings.kept();
    }

    @Test
    void theCacheChangesNoFinding() {
        SplittableRandom random = new SplittableRandom(1616);
        long found = 0;
        for (int d = 0; d < 500; d++) {
            ObjectNode document = document(random);
            List<Finding> plain = scan(document, true);
            assertEquals(plain, scan(document, false), "document " + d + " (cache as the earlier documents left it)");
            assertEquals(plain, scan(document, false), "document " + d + " (cache warm)");
            found += plain.size();
        }
        assertTrue(found > 1000, "too few findings for the corpus to say anything: " + found);
    }
}
