package dev.readbackplan.internal.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.readbackplan.document.Limits;
import dev.readbackplan.internal.json.StrictJsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The short English explanation of each review check, each outcome lane and each {@code validate}
 * problem keyword, kept in one resource ({@code explanations.json} next to this class) that the text,
 * Markdown and SARIF outputs share. The catalog's own instructions and meanings (in the catalog's
 * language) stay in the plan schema; these add a sentence a reader of any language can follow.
 * Loaded once; immutable and thread-safe.
 */
public final class Explanations {
    /** Absolute, so that it stays found if this class moves to another package of the module. */
    private static final String RESOURCE = "/dev/readbackplan/internal/review/explanations.json";
    /** What a JSON Schema keyword without an explanation of its own gets. */
    static final String OTHER_KEYWORD = "The document does not satisfy a keyword of its JSON Schema.";
    private static final Explanations INSTANCE = load();

    private final Map<String, String> checks;
    private final Map<String, String> lanes;
    private final Map<String, String> keywords;

    private Explanations(Map<String, String> checks, Map<String, String> lanes, Map<String, String> keywords) {
        this.checks = checks;
        this.lanes = lanes;
        this.keywords = keywords;
    }

    /** {@return the explanations, loaded once from the resource} */
    public static Explanations get() {
        return INSTANCE;
    }

    /**
     * The explanation of a reviewer check.
     *
     * @param id a check id of the catalog
     * @return one English sentence or two
     * @throws IllegalArgumentException when the catalog has no such check
     */
    public String check(String id) {
        return lookUp(checks, id, "check");
    }

    /**
     * The explanation of an outcome lane.
     *
     * @param id a lane id of the catalog
     * @return one English sentence or two
     * @throws IllegalArgumentException when the catalog has no such lane
     */
    public String lane(String id) {
        return lookUp(lanes, id, "lane");
    }

    /**
     * The explanation of a {@code validate} problem keyword: this tool's own check or the JSON Schema
     * keyword that failed; a general sentence for a schema keyword the schemas do not use today.
     *
     * @param keyword a problem's keyword
     * @return one English sentence or two
     */
    public String keyword(String keyword) {
        return keywords.getOrDefault(keyword, OTHER_KEYWORD);
    }

    /** {@return every check id with its explanation, in the resource's order} */
    public Map<String, String> checks() {
        return checks;
    }

    /** {@return every lane id with its explanation, in the resource's order} */
    public Map<String, String> lanes() {
        return lanes;
    }

    /** {@return every problem keyword with its explanation, in the resource's order} */
    public Map<String, String> keywords() {
        return keywords;
    }

    private static String lookUp(Map<String, String> map, String id, String what) {
        String text = map.get(id);
        if (text == null) {
            throw new IllegalArgumentException("no explanation of the " + what + " " + id);
        }
        return text;
    }

    private static Explanations load() {
        // Read with jackson-core alone: a databind ObjectMapper's start-up would be most of a review's
        // rendering in a one-off run. The strict reader refuses a key given twice, which would make one
        // of two explanations win silently.
        byte[] bytes;
        try (InputStream in = Explanations.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + RESOURCE + " is missing");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("the resource " + RESOURCE + " is unreadable", e);
        }
        StrictJsonReader.Result read = new StrictJsonReader(Limits.DEFAULT).read(bytes, bytes.length);
        if (!read.findings().isEmpty() || read.root() == null) {
            throw new IllegalStateException("the resource " + RESOURCE + " is not strict JSON: " + read.findings().kept());
        }
        JsonNode root = read.root();
        return new Explanations(section(root, "checks"), section(root, "lanes"), section(root, "keywords"));
    }

    private static Map<String, String> section(JsonNode root, String name) {
        JsonNode node = root.get(name);
        if (node == null || !node.isObject()) {
            throw new IllegalStateException("the explanations have no object " + name);
        }
        Map<String, String> map = new LinkedHashMap<>();
        node.properties().forEach(member -> {
            if (!member.getValue().isTextual() || member.getValue().textValue().isBlank()) {
                throw new IllegalStateException("the explanation of " + name + " " + member.getKey() + " is not a text");
            }
            map.put(member.getKey(), member.getValue().textValue());
        });
        return Collections.unmodifiableMap(map);
    }
}
