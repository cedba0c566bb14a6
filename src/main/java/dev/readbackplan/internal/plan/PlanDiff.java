package dev.readbackplan.internal.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.readbackplan.internal.json.Pointer;
import dev.readbackplan.internal.json.PythonJsonWriter;
import dev.readbackplan.internal.report.Display;
import dev.readbackplan.internal.scan.SecretScanner;
import java.util.TreeSet;

/** Finds the first difference between two JSON trees, in the order the generator writes them. */
public final class PlanDiff {
    private static final int SHOWN_LENGTH = 60;

    /** Where two trees first differ and how: the pointer and a description (safe to show); null when equal. */
    public record Difference(Pointer pointer, String description) {}

    private PlanDiff() {}

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
