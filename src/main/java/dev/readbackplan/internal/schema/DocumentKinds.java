package dev.readbackplan.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.readbackplan.document.Keyword;
import dev.readbackplan.internal.json.Finding;
import dev.readbackplan.internal.text.Pointer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tells a document read as one kind that is another: a plan read as a snapshot (by {@code --kind
 * snapshot}, or because a slip in its {@code schema_version} no longer names the plan's version), a
 * review read as a snapshot, a snapshot read as a plan. Everything it knows comes from the packaged
 * schemas: the versions the plan and review schemas pin, and the top-level members that the plan
 * schema defines and the snapshot schema does not ("plan-only"), and the reverse.
 *
 * <p>The snapshot schema pins no version (the upstream tool's is not published, and any is copied
 * into the plan), so a snapshot's own version is never questioned; only one that names, or is a slip
 * of, a version this tool writes is. Likewise a snapshot may carry some members a plan also has (the
 * synthetic snapshots carry {@code generated_at}); only one holding most of the plan-only members is
 * taken for a plan. Thread-safe.
 */
public final class DocumentKinds {
    private static final String VERSION = "schema_version";

    /** The versions this tool writes, by what they name: "plan", "review". */
    private final Map<String, String> versions = new LinkedHashMap<>();
    private final List<String> planOnly;
    private final List<String> snapshotOnly;

    public DocumentKinds(JsonNode snapshotSchema, JsonNode planSchema, JsonNode reviewSchema) {
        versions.put("plan", pinnedVersion(planSchema));
        versions.put("review", pinnedVersion(reviewSchema));
        planOnly = onlyIn(planSchema, snapshotSchema);
        snapshotOnly = onlyIn(snapshotSchema, planSchema);
    }

    private static String pinnedVersion(JsonNode schema) {
        JsonNode version = schema.path("properties").path(VERSION).path("const");
        if (!version.isTextual()) {
            throw new IllegalStateException(schema.path("$id").asText() + " pins no schema_version");
        }
        return version.textValue();
    }

    /** The top-level properties {@code schema} defines and {@code other} does not, in schema order. */
    private static List<String> onlyIn(JsonNode schema, JsonNode other) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = schema.path("properties").fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!other.path("properties").has(name)) {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    /** The members only a plan defines, from the schemas. */
    public List<String> planOnly() {
        return planOnly;
    }

    /**
     * The findings of a document read as a snapshot that is, or looks like, a plan or a review: its
     * {@code schema_version} is one this tool writes, or a slip of one (case, spaces, hyphens, up to
     * two edits); or it holds most of the plan-only members.
     */
    public List<Finding> asSnapshot(JsonNode root) {
        List<Finding> findings = new ArrayList<>();
        if (!root.isObject()) {
            return findings;
        }
        JsonNode version = root.get(VERSION);
        if (version != null && version.isTextual()) {
            String text = version.textValue();
            for (Map.Entry<String, String> known : versions.entrySet()) {
                if (text.equals(known.getValue())) {
                    findings.add(Finding.error(Pointer.ROOT.key(VERSION), Keyword.KIND, "is the " + known.getKey()
                            + "'s schema_version: this document is a " + known.getKey() + ", not a snapshot"
                           ));
                    return findings;
                }
            }
            String meant = slipOf(text);
            if (meant != null) {
                findings.add(Finding.error(Pointer.ROOT.key(VERSION), Keyword.KIND, "unknown schema_version; did you mean " + meant
                        + "? (a slip of the " + kindOf(meant) + "'s version, so the document was read as a snapshot)"));
            }
        }
        List<String> held = held(root, planOnly);
        if (2 * held.size() > planOnly.size()) {
            findings.add(Finding.error(Pointer.ROOT, Keyword.KIND, "looks like a plan, not a snapshot: it has " + held.size() + " of the "
                    + planOnly.size() + " members only a plan has (" + names(held) + ")"));
        }
        return findings;
    }

    /**
     * The one finding of a document read as a plan that is not one, or null when it may be a plan: its
     * {@code schema_version} is not the plan's nor a slip of it, and it holds at most half of the
     * plan-only members. Its other problems would only list everything a plan has and it has not.
     */
    public Finding asPlan(JsonNode root) {
        if (!root.isObject()) {
            return null;
        }
        JsonNode version = root.get(VERSION);
        String plan = versions.get("plan");
        if (version != null && version.isTextual() && (version.textValue().equals(plan) || plan.equals(slipOf(version.textValue())))) {
            return null;
        }
        List<String> held = held(root, planOnly);
        if (2 * held.size() > planOnly.size()) {
            return null;
        }
        String what;
        if (version != null && version.isTextual() && version.textValue().equals(versions.get("review"))) {
            what = "it is a review (its schema_version is the review's)";
        } else if (!held(root, snapshotOnly).isEmpty()) {
            what = "it looks like a snapshot (it has " + names(held(root, snapshotOnly)) + ")";
        } else {
            what = "it has neither the plan's schema_version nor most of a plan's members";
        }
        return Finding.error(Pointer.ROOT, Keyword.KIND, "not a plan: " + what + "; it has " + held.size() + " of the "
                + planOnly.size() + " members only a plan has");
    }

    /** What a version this tool writes names: "plan" or "review". */
    private String kindOf(String version) {
        for (Map.Entry<String, String> known : versions.entrySet()) {
            if (known.getValue().equals(version)) {
                return known.getKey();
            }
        }
        throw new IllegalArgumentException("not a version this tool writes");
    }

    /** The version this tool writes that {@code text} is a slip of, or null. */
    String slipOf(String text) {
        if (text.length() > KeyNames.MAX_KEY) {
            return null;
        }
        String normalized = normalized(text);
        for (String known : versions.values()) {
            if (!text.equals(known) && (normalized.equals(known) || KeyNames.distance(normalized, known) <= 2)) {
                return known;
            }
        }
        return null;
    }

    /** Without white space (Unicode's, zero-width included), lower case, hyphens as underscores. */
    private static String normalized(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && Character.getType(c) != Character.FORMAT) {
                out.appendCodePoint(c == '-' ? '_' : c);
            }
        });
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static List<String> held(JsonNode root, List<String> members) {
        List<String> held = new ArrayList<>();
        for (String member : members) {
            if (root.has(member)) {
                held.add(member);
            }
        }
        return held;
    }

    /** Up to four names, then how many more: names of the schemas, never a value of the document. */
    private static String names(List<String> names) {
        if (names.size() <= 4) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 4)) + " and " + (names.size() - 4) + " more";
    }
}
