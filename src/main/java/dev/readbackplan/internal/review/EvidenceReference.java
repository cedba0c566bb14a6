package dev.readbackplan.internal.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one piece of evidence is: the canonical form of a redacted evidence reference, so that the
 * review's "must differ" rules (receipt and route, alert chain and route or freshness, before and
 * after, an independent postcheck) cannot be passed by spelling one reference two ways.
 *
 * <ul>
 *   <li>a ticket or change id ({@code INC-2041}): upper-cased, so ids differ by more than case;
 *   <li>a commit ({@code 3f9c2a1}, {@code commit:3f9c2a1}): its lower-case hex digits, prefix
 *       dropped; a short commit is the same as a longer one it prefixes; a {@code sha1:} hash names
 *       an object as git does, so it is compared as a commit too;
 *   <li>another content hash ({@code sha256:...}): algorithm and digits, lower-cased;
 *   <li>an artifact pointer ({@code artifact://a/b.json#part}): its path with empty and {@code .}
 *       segments dropped and {@code x/..} resolved (a trailing {@code /} is an empty segment), the
 *       fragment kept as written;
 *   <li>an issue ({@code owner/repo#12}): owner and repository lower-cased (hosts treat them so),
 *       the number without leading zeros.
 * </ul>
 * Anything else (a value of another shape, which is quarantined anyway) is its own canonical form.
 * Stateless.
 */
public final class EvidenceReference {
    private static final Pattern TICKET = Pattern.compile("[A-Za-z][A-Za-z0-9]{1,15}(?:-[A-Za-z0-9]{1,16}){1,3}");
    private static final Pattern COMMIT = Pattern.compile("(?i)(?:commit:|sha1:)?([0-9a-f]{7,64})");
    private static final Pattern HASH = Pattern.compile("(?i)(sha(?:256|384|512)):([0-9a-f]+)");
    private static final Pattern ARTIFACT = Pattern.compile("(?i)artifact://([^#]*)(#.*)?");
    private static final Pattern ISSUE = Pattern.compile("([A-Za-z0-9][A-Za-z0-9._-]*)/([A-Za-z0-9._-]+)#([0-9]+)");

    private EvidenceReference() {}

    /** The canonical form of a reference: equal forms are one piece of evidence (commits also by prefix: see {@link #same}). */
    public static String canonical(String reference) {
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

    /** Whether two references name the same evidence: equal canonical forms, or one commit a prefix of the other. */
    public static boolean same(String a, String b) {
        return sameCanonical(canonical(a), canonical(b));
    }

    /**
     * Whether two canonical forms ({@link #canonical}) name the same evidence: they are equal, or both are
     * commits and one is a prefix of the other.
     */
    public static boolean sameCanonical(String ca, String cb) {
        if (ca.equals(cb)) {
            return true;
        }
        return ca.startsWith("commit:") && cb.startsWith("commit:") && (ca.startsWith(cb) || cb.startsWith(ca));
    }

    /** A path with empty and {@code .} segments dropped and {@code x/..} resolved; {@code ..} above the top is dropped. */
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
