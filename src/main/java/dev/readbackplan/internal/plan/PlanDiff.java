package dev.readbackplan.internal.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.readbackplan.internal.json.PythonJsonWriter;
import dev.readbackplan.internal.schema.PlanFields;
import dev.readbackplan.internal.secret.SecretScanner;
import dev.readbackplan.internal.text.Display;
import dev.readbackplan.internal.text.Pointer;
import java.util.TreeSet;

/** Finds the first difference between two JSON trees, in the order the generator writes them. */
public final class PlanDiff {
    private static final int SHOWN_LENGTH = 60;

    /** Where two trees first differ and how: the pointer and a description (safe to show); null when equal. */
    public record Difference(Pointer pointer, String description) {}

    private PlanDiff() {}

    private static final String CANDIDATES = PlanFields.READBACK_CANDIDATES;
    private static final String ID = PlanFields.POST_INCIDENT_READBACK_CANDIDATE_ID;
    /** Ids shown per list; the rest are counted. */
    private static final int SHOWN_IDS = 5;

    /**
     * The difference between a plan file and the regenerated plan, described by candidate first: the
     * candidates removed, added and changed, by id, then the first differing pointer. When only the
     * top level differs, just the first difference. Null when equal.
     *
     * @param reviewerFields the members reviewers fill in (evidence fields, status, reviewer outcome):
     *     a difference there is the file's reviewer entries, never something "the snapshot gives"
     * @param entriesCount whether candidates that differ in reviewers' fields alone are named (for
     *     {@code --check}; a review compares with those fields set aside)
     */
    public static Difference byCandidate(JsonNode inFile, JsonNode regenerated, java.util.Collection<String> reviewerFields,
            boolean entriesCount) {
        Difference first = first(inFile, regenerated, Pointer.ROOT);
        if (first == null) {
            return null;
        }
        String description = first.description();
        java.util.List<String> at = first.pointer().segments();
        if (at.size() >= 3 && at.get(0).equals(CANDIDATES) && reviewerFields.contains(at.get(2))) {
            description = "the reviewers' entries differ here (the file has " + show(inFile.at(first.pointer().toString()))
                    + "; regeneration carries entries over by candidate id, and a fresh plan has none)";
        }
        String changes = candidateChanges(inFile.get(CANDIDATES), regenerated.get(CANDIDATES), reviewerFields, entriesCount);
        if (changes == null) {
            return new Difference(first.pointer(), description);
        }
        return new Difference(Pointer.ROOT.key(CANDIDATES), changes + "; first difference at "
                + Display.pointerForText(at) + ": " + description);
    }

    /**
     * The candidates of the file and of the regenerated plan compared by id: removed, added, changed
     * (apart from reviewers' fields), with reviewer entries the regenerated plan lacks, or reordered;
     * null when they are the same candidates in the same order.
     */
    static String candidateChanges(JsonNode inFile, JsonNode regenerated, java.util.Collection<String> reviewerFields,
            boolean entriesCount) {
        if (inFile == null || regenerated == null || !inFile.isArray() || !regenerated.isArray()) {
            return null;
        }
        java.util.Map<String, JsonNode> file = byId(inFile);
        java.util.Map<String, JsonNode> fresh = byId(regenerated);
        if (file == null || fresh == null) {
            return null;
        }
        java.util.List<String> removed = new java.util.ArrayList<>();
        java.util.List<String> changed = new java.util.ArrayList<>();
        java.util.List<String> entries = new java.util.ArrayList<>();
        file.forEach((id, candidate) -> {
            JsonNode other = fresh.get(id);
            if (other == null) {
                removed.add(id);
            } else if (!equalApart(candidate, other, reviewerFields, false)) {
                changed.add(id);
            } else if (entriesCount && !equalApart(candidate, other, reviewerFields, true)) {
                entries.add(id);
            }
        });
        java.util.List<String> added = new java.util.ArrayList<>();
        fresh.keySet().forEach(id -> {
            if (!file.containsKey(id)) {
                added.add(id);
            }
        });
        java.util.List<String> parts = new java.util.ArrayList<>();
        list(parts, "removed (in the file, no longer in the snapshot)", removed);
        list(parts, "added (in the snapshot, not in the file)", added);
        list(parts, "changed (what the snapshot gives for them differs)", changed);
        list(parts, "with reviewer entries the regenerated plan does not expect", entries);
        if (parts.isEmpty()) {
            if (new java.util.ArrayList<>(file.keySet()).equals(new java.util.ArrayList<>(fresh.keySet()))) {
                return null;
            }
            parts.add("the same candidates in another order");
        }
        return "candidates by id: " + String.join("; ", parts);
    }

    /** Candidates by id, in order; null when one has no textual id or two share one. */
    private static java.util.Map<String, JsonNode> byId(JsonNode candidates) {
        java.util.Map<String, JsonNode> byId = new java.util.LinkedHashMap<>();
        for (JsonNode candidate : candidates) {
            JsonNode id = candidate.get(ID);
            if (id == null || !id.isTextual() || byId.put(id.textValue(), candidate) != null) {
                return null;
            }
        }
        return byId;
    }

    /** Whether two candidates are equal apart from the reviewers' fields (or, with {@code only}, in the reviewers' fields alone). */
    private static boolean equalApart(JsonNode a, JsonNode b, java.util.Collection<String> reviewerFields, boolean only) {
        if (!a.isObject() || !b.isObject()) {
            return a.equals(b);
        }
        java.util.Set<String> keys = new java.util.HashSet<>();
        a.fieldNames().forEachRemaining(keys::add);
        b.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            if (reviewerFields.contains(key) == only && !java.util.Objects.equals(a.get(key), b.get(key))) {
                return false;
            }
        }
        return true;
    }

    private static void list(java.util.List<String> parts, String what, java.util.List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder().append(ids.size()).append(' ').append(what).append(": ");
        for (int i = 0; i < Math.min(ids.size(), SHOWN_IDS); i++) {
            text.append(i == 0 ? "" : ", ").append(Display.text(ids.get(i)));
        }
        if (ids.size() > SHOWN_IDS) {
            text.append(" and ").append(ids.size() - SHOWN_IDS).append(" more");
        }
        parts.add(text.toString());
    }

    /** The first difference between what a file holds and what the generator would write, or null. */
    public static Difference first(JsonNode inFile, JsonNode regenerated, Pointer at) {
        if (inFile == regenerated) {
            return null; // a fixed value the reader found equal and shared (see PlanValidator)
        }
        if (inFile.getNodeType() != regenerated.getNodeType()
                || inFile.isNumber() && !numbersEqual(inFile, regenerated)
                || inFile.isValueNode() && !inFile.isNumber() && !inFile.equals(regenerated)) {
            return new Difference(at, "the file has " + show(inFile) + "; the snapshot gives " + show(regenerated));
        }
        if (inFile.isObject()) {
            for (String key : keysInOutputOrder(inFile, regenerated)) {
                Pointer child = at.key(key);
                if (!inFile.has(key)) {
                    return new Difference(child, "missing from the file; the snapshot gives " + show(regenerated.get(key)));
                }
                if (!regenerated.has(key)) {
                    return new Difference(child, "in the file but not in the regenerated plan");
                }
                Difference difference = first(inFile.get(key), regenerated.get(key), child);
                if (difference != null) {
                    return difference;
                }
            }
        } else if (inFile.isArray()) {
            int common = Math.min(inFile.size(), regenerated.size());
            for (int i = 0; i < common; i++) {
                Difference difference = first(inFile.get(i), regenerated.get(i), at.index(i));
                if (difference != null) {
                    return difference;
                }
            }
            if (inFile.size() != regenerated.size()) {
                return new Difference(at.index(common), "the file has " + inFile.size()
                        + " items here; the snapshot gives " + regenerated.size());
            }
        }
        return null;
    }

    /**
     * The keys of both objects in the order the generator writes them (by code point). Objects of a
     * plan usually have the same keys in that order already: then no sorting is needed.
     */
    private static Iterable<String> keysInOutputOrder(JsonNode inFile, JsonNode regenerated) {
        if (inFile.size() == regenerated.size()) {
            java.util.List<String> keys = new java.util.ArrayList<>(inFile.size());
            java.util.Iterator<String> other = regenerated.fieldNames();
            String previous = null;
            boolean sameAndSorted = true;
            for (java.util.Iterator<String> it = inFile.fieldNames(); it.hasNext() && sameAndSorted; ) {
                String key = it.next();
                sameAndSorted = key.equals(other.next()) && (previous == null || PythonJsonWriter.compareCodePoints(previous, key) < 0);
                keys.add(key);
                previous = key;
            }
            if (sameAndSorted) {
                return keys;
            }
        }
        TreeSet<String> keys = new TreeSet<>(PythonJsonWriter::compareCodePoints);
        inFile.fieldNames().forEachRemaining(keys::add);
        regenerated.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static boolean numbersEqual(JsonNode a, JsonNode b) {
        // 5 and 5.0 are equal values but different bytes: the byte comparison has already failed, so
        // report the one that is written differently.
        return a.isFloatingPointNumber() == b.isFloatingPointNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0;
    }

    /** A short, safe rendering of a value: secret-shaped strings not shown, long ones shortened, invisible characters escaped. */
    static String show(JsonNode node) {
        if (node.isObject()) {
            return "an object with " + node.size() + (node.size() == 1 ? " member" : " members");
        }
        if (node.isArray()) {
            return "an array of " + node.size() + (node.size() == 1 ? " item" : " items");
        }
        if (node.isTextual()) {
            if (SecretScanner.scan(node.textValue()) != null) {
                return "a secret-shaped string (not shown)";
            }
            return "\"" + Display.escapeInvisible(Display.shorten(node.textValue(), SHOWN_LENGTH)).replace("\"", "\\\"") + "\"";
        }
        return Display.shorten(node.toString(), SHOWN_LENGTH);
    }
}
