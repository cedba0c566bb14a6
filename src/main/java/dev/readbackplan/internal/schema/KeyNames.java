package dev.readbackplan.internal.schema;

import java.util.Collection;

/**
 * Finds the known property a mistyped key was probably meant to be, for "did you mean" hints: a
 * known name at most two edits away (Damerau–Levenshtein: insertions, deletions, substitutions and
 * swaps of neighbours), or one that the key starts (or is started by) over at least five characters.
 * Keys shorter than four characters, or much longer than any property, are never matched.
 */
public final class KeyNames {
    /** Longer keys are not typos of a property: the comparison stays cheap whatever the document holds. */
    static final int MAX_KEY = 128;
    private static final int MAX_EDITS = 2;
    private static final int MIN_PREFIX = 5;

    private KeyNames() {}

    /** The known name closest to {@code key}, or null when none is close or {@code key} is itself known. */
    public static String closest(String key, Collection<String> known) {
        if (key.length() < 4 || key.length() > MAX_KEY || known.contains(key)) {
            return null;
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : known) {
            int distance = distance(key, name);
            if (distance > MAX_EDITS && isPrefixMatch(key, name)) {
                distance = MAX_EDITS + 1;
            } else if (distance > MAX_EDITS) {
                continue;
            }
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static boolean isPrefixMatch(String key, String name) {
        String shorter = key.length() < name.length() ? key : name;
        String longer = shorter == key ? name : key;
        return shorter.length() >= MIN_PREFIX && longer.startsWith(shorter);
    }

    /** The optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), over UTF-16 units. */
    static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > MAX_EDITS) {
            return MAX_EDITS + 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
