package dev.readbackplan.internal.review;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

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
    // The shapes, in the order they are tried (the first that matches the whole stripped reference wins),
    // as the regular expressions they were first written as; the matchers below are those expressions
    // spelt out by hand (a regular expression matcher per reference cost more than the rest of a
    // candidate's review), and a differential test holds them to the expressions (CanonicalFormsTest):
    //   commit    (?i)(?:commit:|sha1:)?([0-9a-f]{7,64})
    //   hash      (?i)(sha(?:256|384|512)):([0-9a-f]+)
    //   artifact  (?i)artifact://([^#]*)(#.*)?
    //   issue     ([A-Za-z0-9][A-Za-z0-9._-]*)/([A-Za-z0-9._-]+)#([0-9]+)
    //   ticket    [A-Za-z][A-Za-z0-9]{1,15}(?:-[A-Za-z0-9]{1,16}){1,3}
    // (?i) without UNICODE_CASE folds ASCII letters only, and "." is any character but a line terminator.
    private static final String COMMIT = "commit:";
    private static final String ARTIFACT = "artifact://";

    private EvidenceReference() {}

    /** The canonical form of a reference: equal forms are one piece of evidence (commits also by prefix: see {@link #same}). */
    public static String canonical(String reference) {
        String ref = reference.strip();
        String form = commit(ref);
        if (form == null) {
            form = hash(ref);
        }
        if (form == null) {
            form = artifact(ref);
        }
        if (form == null) {
            form = issue(ref);
        }
        if (form == null && ticket(ref)) {
            form = upperAscii(ref);
        }
        return form != null ? form : reference;
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
        return ca.startsWith(COMMIT) && cb.startsWith(COMMIT) && (ca.startsWith(cb) || cb.startsWith(ca));
    }

    /** {@code commit:} and the lower-case digits of a commit (7 to 64 hex digits after an optional {@code commit:} or {@code sha1:}), or null. */
    private static @Nullable String commit(String ref) {
        int start = startsWithAsciiIgnoreCase(ref, COMMIT) ? COMMIT.length() : startsWithAsciiIgnoreCase(ref, "sha1:") ? 5 : 0;
        int digits = ref.length() - start;
        if (digits < 7 || digits > 64 || !hex(ref, start)) {
            return null;
        }
        if (start == COMMIT.length() && ref.startsWith(COMMIT) && !hasUpperAscii(ref, start)) {
            return ref;
        }
        return COMMIT + lowerAscii(ref.substring(start));
    }

    /** A content hash ({@code sha256}, {@code sha384} or {@code sha512}, a colon, hex digits) lower-cased, or null. */
    private static @Nullable String hash(String ref) {
        if (ref.length() < 8 || ref.charAt(6) != ':' || !startsWithAsciiIgnoreCase(ref, "sha")
                || !(ref.startsWith("256", 3) || ref.startsWith("384", 3) || ref.startsWith("512", 3)) || !hex(ref, 7)) {
            return null;
        }
        return lowerAscii(ref);
    }

    /** An artifact pointer with its path made canonical and the fragment kept as written, or null. */
    private static @Nullable String artifact(String ref) {
        if (!startsWithAsciiIgnoreCase(ref, ARTIFACT)) {
            return null;
        }
        int fragment = ref.indexOf('#', ARTIFACT.length());
        int end = fragment < 0 ? ref.length() : fragment;
        if (fragment >= 0) {
            for (int i = fragment + 1; i < ref.length(); i++) {
                if (lineTerminator(ref.charAt(i))) {
                    return null;
                }
            }
        }
        if (canonicalPath(ref, ARTIFACT.length(), end)) {
            return ref.startsWith(ARTIFACT) ? ref : ARTIFACT + ref.substring(ARTIFACT.length());
        }
        return ARTIFACT + path(ref.substring(ARTIFACT.length(), end)) + ref.substring(end);
    }

    /** An issue ({@code owner/repo#12}) with owner and repository lower-cased and the number's leading zeros dropped, or null. */
    private static @Nullable String issue(String ref) {
        int slash = ref.indexOf('/');
        if (slash < 1 || !asciiAlphanumeric(ref.charAt(0)) || !nameCharacters(ref, 1, slash)) {
            return null;
        }
        int number = ref.indexOf('#', slash + 1);
        if (number < slash + 2 || number == ref.length() - 1 || !nameCharacters(ref, slash + 1, number)) {
            return null;
        }
        for (int i = number + 1; i < ref.length(); i++) {
            if (!asciiDigit(ref.charAt(i))) {
                return null;
            }
        }
        int digits = number + 1;
        while (digits < ref.length() - 1 && ref.charAt(digits) == '0') {
            digits++;
        }
        if (digits == number + 1 && !hasUpperAscii(ref, 0)) {
            return ref;
        }
        return lowerAscii(ref.substring(0, number + 1)) + ref.substring(digits);
    }

    /** Whether a reference is a ticket or change id: a letter and 1 to 15 letters or digits, then 1 to 3 parts of {@code -} and 1 to 16. */
    private static boolean ticket(String ref) {
        int parts = 0;
        int start = 0;
        while (true) {
            int end = ref.indexOf('-', start);
            if (end < 0) {
                end = ref.length();
            }
            int length = end - start;
            if (parts == 0 ? length < 2 || length > 16 || !asciiLetter(ref.charAt(0)) : length < 1 || length > 16) {
                return false;
            }
            for (int i = start; i < end; i++) {
                if (!asciiAlphanumeric(ref.charAt(i))) {
                    return false;
                }
            }
            parts++;
            if (end == ref.length()) {
                return parts >= 2 && parts <= 4;
            }
            start = end + 1;
        }
    }

    private static boolean startsWithAsciiIgnoreCase(String s, String lowerPrefix) {
        if (s.length() < lowerPrefix.length()) {
            return false;
        }
        for (int i = 0; i < lowerPrefix.length(); i++) {
            char c = s.charAt(i);
            if (c != lowerPrefix.charAt(i) && lowerAscii(c) != lowerPrefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} from {@code start} to its end is hex digits (either case). */
    private static boolean hex(String s, int start) {
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(asciiDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code s} from {@code start} to {@code end} is letters, digits, {@code .}, {@code _} or {@code -} (ASCII). */
    private static boolean nameCharacters(String s, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (!(asciiAlphanumeric(c) || c == '.' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** The characters a regular expression's {@code .} does not match. */
    private static boolean lineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static boolean asciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean asciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean asciiAlphanumeric(char c) {
        return asciiDigit(c) || asciiLetter(c);
    }

    private static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static boolean hasUpperAscii(String s, int start) {
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                return true;
            }
        }
        return false;
    }

    /** {@code s} with its ASCII letters lower-cased (the callers' strings are ASCII, where this is {@code toLowerCase(Locale.ROOT)}). */
    private static String lowerAscii(String s) {
        return hasUpperAscii(s, 0) ? s.toLowerCase(Locale.ROOT) : s;
    }

    /** {@code s} (ASCII) upper-cased. */
    private static String upperAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                return s.toUpperCase(Locale.ROOT);
            }
        }
        return s;
    }

    /** Whether {@link #path} leaves the path in {@code s} from {@code from} to {@code to} as it is: empty, or no empty, {@code .} or {@code ..} segment. */
    private static boolean canonicalPath(String s, int from, int to) {
        if (from == to) {
            return true;
        }
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || s.charAt(i) == '/') {
                int length = i - start;
                if (length == 0 || (s.charAt(start) == '.' && (length == 1 || (length == 2 && s.charAt(start + 1) == '.')))) {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
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
