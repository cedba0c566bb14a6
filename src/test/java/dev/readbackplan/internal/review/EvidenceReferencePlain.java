package dev.readbackplan.internal.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain path of {@link EvidenceReference}: its canonical forms as the regular expressions it was
 * first written with, which its hand-written matchers must agree with ({@link CanonicalFormsTest}).
 */
final class EvidenceReferencePlain {
    /** Which expression matched a reference, for the test's account of what it covered. */
    enum Shape { COMMIT, HASH, ARTIFACT, ISSUE, TICKET, OTHER }

    private static final Pattern TICKET = Pattern.compile("[A-Za-z][A-Za-z0-9]{1,15}(?:-[A-Za-z0-9]{1,16}){1,3}");
    private static final Pattern COMMIT = Pattern.compile("(?i)(?:commit:|sha1:)?([0-9a-f]{7,64})");
    private static final Pattern HASH = Pattern.compile("(?i)(sha(?:256|384|512)):([0-9a-f]+)");
    private static final Pattern ARTIFACT = Pattern.compile("(?i)artifact://([^#]*)(#.*)?");
    private static final Pattern ISSUE = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*)/([A-Za-z0-9._-]+)#([0-9]+)");

    private EvidenceReferencePlain() {}

    static Shape shape(String reference) {
        String ref = reference.strip();
        for (Shape shape : List.of(Shape.COMMIT, Shape.HASH, Shape.ARTIFACT, Shape.ISSUE, Shape.TICKET)) {
            Pattern pattern = switch (shape) {
                case COMMIT -> COMMIT;
                case HASH -> HASH;
                case ARTIFACT -> ARTIFACT;
                case ISSUE -> ISSUE;
                default -> TICKET;
            };
            if (pattern.matcher(ref).matches()) {
                return shape;
            }
        }
        return Shape.OTHER;
    }

    static String canonical(String reference) {
        String ref = reference.strip();
        Matcher m = COMMIT.matcher(ref);
        if (m.matches()) {
            return "commit:" + m.group(1).toLowerCase(Locale.ROOT);
        }
        m = HASH.matcher(ref);
        if (m.matches()) {
            return m.group(1).toLowerCase(Locale.ROOT) + ":" + m.group(2).toLowerCase(Locale.ROOT);
        }
        m = ARTIFACT.matcher(ref);
        if (m.matches()) {
            return "artifact://" + path(m.group(1)) + (m.group(2) == null ? "" : m.group(2));
        }
        m = ISSUE.matcher(ref);
        if (m.matches()) {
            String number = m.group(3).replaceFirst("^0+(?=.)", "");
            return m.group(1).toLowerCase(Locale.ROOT) + "/" + m.group(2).toLowerCase(Locale.ROOT) + "#" + number;
        }
        if (TICKET.matcher(ref).matches()) {
            return ref.toUpperCase(Locale.ROOT);
        }
        return reference;
    }

    static boolean same(String a, String b) {
        String ca = canonical(a);
        String cb = canonical(b);
        if (ca.equals(cb)) {
            return true;
        }
        return ca.startsWith("commit:") && cb.startsWith("commit:") && (ca.startsWith(cb) || cb.startsWith(ca));
    }

    private static String path(String path) {
        List<String> kept = new ArrayList<>();
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!kept.isEmpty()) {
                    kept.remove(kept.size() - 1);
                }
                continue;
            }
            kept.add(segment);
        }
        return String.join("/", kept);
    }
}
