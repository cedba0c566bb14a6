package dev.readbackplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The search that keeps {@code review --output} from replacing a plan or a snapshot tries its pattern
 * only where a quote is: held to the plain search (the pattern's {@code find()} over the whole text).
 */
class PlanOrSnapshotSearchTest {
    /** Pieces the pattern is made of, their near misses, and every character class it tests. */
    private static final String[] PIECES = {"\"", "\"", "\"", "readback_candidates", "acceptance_candidates", "readback_candidate",
        "acceptance_candidatess", "schema_version", "schema_versions", ":", ":", " ", "\t", "\n", "\r", "\u000B", "\f", "\u00a0",
        "monitoring_post_incident_readback_plan_v", "monitoring_owner_response_acceptance_v", "monitoring_post_incident_readback_plan_",
        "0", "1", "42", "x", "v", "\\", "{", "}", ",", "é", "\u0085"};

    private static boolean plain(String text) {
        return ReviewCommand.PLAN_OR_SNAPSHOT.matcher(text).find();
    }

    /** A text of noise around zero to two near-matches: a match, made with random whitespace, then mutated or not. */
    private static String seeded(Random random) {
        StringBuilder text = new StringBuilder();
        noise(random, text);
        for (int m = random.nextInt(3); m > 0; m--) {
            StringBuilder match = new StringBuilder("\"");
            if (random.nextBoolean()) {
                match.append(random.nextBoolean() ? "readback_candidates" : "acceptance_candidates").append('"').append(space(random)).append(':');
            } else {
                match.append("schema_version\"").append(space(random)).append(':').append(space(random)).append('"')
                        .append(random.nextBoolean() ? "monitoring_post_incident_readback_plan_v" : "monitoring_owner_response_acceptance_v")
                        .append(random.nextInt(3) == 0 ? "" : Integer.toString(random.nextInt(120))).append('"');
            }
            // Half of them mutated: a character dropped, changed or added.
            if (random.nextBoolean()) {
                int at = random.nextInt(match.length());
                switch (random.nextInt(3)) {
                    case 0 -> match.deleteCharAt(at);
                    case 1 -> match.setCharAt(at, PIECES[random.nextInt(PIECES.length)].charAt(0));
                    default -> match.insert(at, PIECES[random.nextInt(PIECES.length)]);
                }
            }
            text.append(match);
            noise(random, text);
        }
        return text.toString();
    }

    private static void noise(Random random, StringBuilder text) {
        for (int i = random.nextInt(8); i > 0; i--) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
    }

    private static String space(Random random) {
        String[] spaces = {"", "", " ", "\t", "\n", "\r", "\u000B", "\f", "  ", "\u00a0", "\u2028"};
        return spaces[random.nextInt(spaces.length)];
    }

    @Test
    void findsWhatThePlainSearchFindsOnSeededTexts() {
        Random random = new Random(20261203L);
        int found = 0;
        int runs = 50_000;
        for (int n = 0; n < runs; n++) {
            String t = seeded(random);
            boolean expected = plain(t);
            found += expected ? 1 : 0;
            assertEquals(expected, ReviewCommand.holdsPlanOrSnapshot(t), () -> "text: " + t.replace("\n", "\\n"));
        }
        // The corpus holds both answers in numbers, or the comparison would show little.
        assertTrue(found > runs / 5, "matches in the corpus: " + found);
        assertTrue(found < runs * 4 / 5, "matches in the corpus: " + found);
    }

    @Test
    void plansSnapshotsAndReviewsAreTold() {
        assertTrue(ReviewCommand.holdsPlanOrSnapshot("{\"schema_version\" : \t\"monitoring_post_incident_readback_plan_v1\"}"));
        assertTrue(ReviewCommand.holdsPlanOrSnapshot("garbage \"garbage\" {\"acceptance_candidates\"\n:"));
        assertTrue(ReviewCommand.holdsPlanOrSnapshot("\"\"readback_candidates\":"));
        assertFalse(ReviewCommand.holdsPlanOrSnapshot("surface_00001: ready_for_monitoring_post_incident_review\n"));
        assertFalse(ReviewCommand.holdsPlanOrSnapshot("\"readback_candidates\" is a key; \"schema_version\": \"v1\""));
        assertFalse(ReviewCommand.holdsPlanOrSnapshot(""));
    }
}
