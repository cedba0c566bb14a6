package dev.readbackplan.internal.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link EvidenceReference}'s hand-written matchers against the regular expressions they replace
 * ({@link EvidenceReferencePlain}): thousands of seeded references of every shape and the near-misses
 * around each (case, prefixes, whitespace, non-ASCII look-alikes, dot segments, leading zeros, digit
 * counts at the limits, fragments, line terminators) have the same canonical form either way, and every
 * pair of them is or is not the same evidence either way.
 */
class CanonicalFormsTest {
    private static final String HEX = "0123456789abcdefABCDEF";
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    /** Characters that come close to a shape: separators, whitespace of either kind, line terminators, look-alikes. */
    private static final String[] ODD = {"#", "/", ":", ".", "..", "-", "_", " ", "\t", "\n", "\r", "\u0085", "\u2028", "\u2029",
        "\u00a0", "\u2003", "\u3000", "\u0000", "é", "İ", "ı", "ſ", "\u212a", "ａ", "０", "٣", "\ud83d\ude00", "\ud800", "%2e", "g", "G", "0"};
    private static final String[] SPACE = {"", "", "", "", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2003", "\u3000", "\u0085", "\u2028", "\u001f"};

    private final Random random = new Random(20261202L);

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    private String chars(String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /** Mostly {@code usual}, else one of {@code others}: most references keep their shape, the rest miss it near. */
    private String mostly(String usual, String... others) {
        return random.nextInt(3) > 0 ? usual : pick(others);
    }

    private int length(int... options) {
        return options[random.nextInt(options.length)];
    }

    private String commit() {
        String prefix = pick(new String[] {"", "", "commit:", "commit:", "commit:", "sha1:", "COMMIT:", "Commit:", "cOmMiT:", "sha1:", "SHA1:", "Sha1:", "commit",
            "commit::", "comit:", "sha1", "sha:", "sha256:", "ſha1:", "commıt:", "commit: ", "sha1:commit:"});
        return prefix + chars(HEX, length(0, 1, 5, 6, 7, 7, 8, 8, 12, 12, 40, 40, 63, 64, 64, 65, 66, 80));
    }

    private String hash() {
        String sha = mostly("sha", "SHA", "Sha", "sHa", "ſha", "sha-", "sh");
        String bits = mostly(pick(new String[] {"256", "384", "512"}), "1", "255", "2560", "51", "", "٢٥٦");
        String colon = mostly(":", "::", "", " :", "=");
        return sha + bits + colon + chars(HEX, length(0, 1, 7, 64, 96, 128, 129));
    }

    private String artifact() {
        String prefix = mostly("artifact://", "ARTIFACT://", "Artifact://", "artifact:/", "artifact:",
            "artifacts://", "ártifact://", "artifact:///", "artifact\u212a://", "artifact//");
        String[] segments = {"", ".", "..", "...", "a", "B", "evidence", "x.json", "é", "%2e", " ", ".hidden", "a..b", "2026"};
        StringBuilder path = new StringBuilder();
        int count = random.nextInt(7);
        for (int i = 0; i < count; i++) {
            if (i > 0 || random.nextInt(4) == 0) {
                path.append('/');
            }
            path.append(pick(segments));
        }
        if (random.nextInt(5) == 0) {
            path.append('/');
        }
        String fragment = pick(new String[] {"", "", "", "#", "#p1", "#L10", "#a#b", "#x\ny", "#\u2028", "#\u0085", "#é", "##",
            "#/../x", "#a\r", "#\ud83d\ude00", "# "});
        return prefix + path + fragment;
    }

    private String issue() {
        String owner = mostly(pick(new String[] {"a", "Acme", "acme", "ac.me", "a_b-c", "0", "A9"}), "", "-x", ".x", "_x", "é", "a b", "a/b");
        String slash = mostly("/", "//", "", "#");
        String repo = mostly(pick(new String[] {"Mon", "monitoring", "m.o_n-i", "-", "."}), "", "a/b", "é", "a#b");
        String number = mostly(chars("0123456789", 1 + random.nextInt(4)), "", "0", "00", "000", "0012", "12", "1a", "٣", "-1", "9".repeat(30), "0" + "9".repeat(5), "#1");
        return owner + slash + repo + "#" + number;
    }

    private String ticket() {
        StringBuilder s = new StringBuilder();
        int parts = length(0, 1, 2, 2, 2, 3, 3, 4, 4, 5, 6);
        for (int i = 0; i < parts; i++) {
            if (i > 0) {
                s.append(random.nextInt(12) == 0 ? pick(new String[] {"--", "_", "‐", ""}) : "-");
            }
            int n = length(0, 1, 2, 3, 3, 4, 4, 8, 8, 15, 16, 17, 18);
            String part = chars(ALNUM, n);
            if (i == 0 && n > 0 && random.nextBoolean()) {
                part = chars(ALNUM.substring(0, 52), 1) + part.substring(1);
            }
            if (random.nextInt(10) == 0) {
                part = pick(new String[] {"0", "é", "ı", "ſ", "İ"}) + part;
            }
            s.append(part);
        }
        return s.toString();
    }

    private String noise() {
        StringBuilder s = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            s.append(random.nextBoolean() ? chars(ALNUM, 1 + random.nextInt(3)) : pick(ODD));
        }
        return s.toString();
    }

    /** One edit near a reference: a character's case flipped, a character left out, or one inserted. */
    private String nearMiss(String s) {
        if (s.isEmpty()) {
            return pick(ODD);
        }
        int at = random.nextInt(s.length());
        return switch (random.nextInt(3)) {
            case 0 -> {
                char c = s.charAt(at);
                char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
                yield s.substring(0, at) + flipped + s.substring(at + 1);
            }
            case 1 -> s.substring(0, at) + s.substring(at + 1);
            default -> s.substring(0, at) + pick(ODD) + s.substring(at);
        };
    }

    private String reference() {
        String core = switch (random.nextInt(6)) {
            case 0 -> commit();
            case 1 -> hash();
            case 2 -> artifact();
            case 3 -> issue();
            case 4 -> ticket();
            default -> noise();
        };
        if (random.nextInt(4) == 0) {
            core = nearMiss(core);
        }
        return random.nextInt(3) == 0 ? pick(SPACE) + core + pick(SPACE) : core;
    }

    private List<String> references() {
        List<String> references = new ArrayList<>(List.of("", " ", "\n", "commit:", "sha1:", "sha256:", "artifact://", "artifact://#",
                "/#1", "a/#1", "a/b#", "INC-2041", "inc-2041", "CHG-2026-0042", "OPS-7", "SECOPS-PIR-12", "3f2a9c1", "commit:3f2a9c1d",
                "0123456789abcdef0123456789abcdef01234567", "abc123", "abc1234", "a".repeat(64), "a".repeat(65),
                "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "artifact://evidence/2026-11/alertmanager-receipt.json",
                "artifact://evidence/grafana/panel.png#L10", "acme/monitoring#42", "Acme/Monitoring#0012", "acme/monitoring#000",
                "artifact://evidence/x/..//./route.json/", "artifact://../../etc/passwd x", "see ticket INC-2041", "dashboard is green",
                "A-1", "AB-1-2-3-4", "AB-" + "1".repeat(16), "AB-" + "1".repeat(17), "A" + "B".repeat(15) + "-1", "A" + "B".repeat(16) + "-1"));
        for (int i = 0; i < 20_000; i++) {
            references.add(reference());
        }
        return references;
    }

    @Test
    void canonicalFormsAgreeWithTheRegularExpressions() {
        List<String> references = references();
        Map<EvidenceReferencePlain.Shape, Integer> shapes = new EnumMap<>(EvidenceReferencePlain.Shape.class);
        List<String> wrong = new ArrayList<>();
        for (String reference : references) {
            shapes.merge(EvidenceReferencePlain.shape(reference), 1, Integer::sum);
            String plain = EvidenceReferencePlain.canonical(reference);
            String fast = EvidenceReference.canonical(reference);
            if (!plain.equals(fast)) {
                wrong.add(escaped(reference) + ": " + escaped(plain) + " != " + escaped(fast));
            }
        }
        assertEquals(List.of(), wrong.subList(0, Math.min(20, wrong.size())), wrong.size() + " references differ");
        // The corpus reaches every shape, and misses each as often (so near-misses are compared, not only hits).
        for (EvidenceReferencePlain.Shape shape : EvidenceReferencePlain.Shape.values()) {
            assertTrue(shapes.getOrDefault(shape, 0) >= 500, "only " + shapes.get(shape) + " references of shape " + shape + ": " + shapes);
        }
    }

    @Test
    void sameAgreesWithTheRegularExpressions() {
        List<String> references = references();
        List<String> wrong = new ArrayList<>();
        int same = 0;
        int commitPrefixes = 0;
        for (int i = 0; i < 60_000; i++) {
            String a = references.get(random.nextInt(references.size()));
            // Half the pairs are a reference and an edit of it, or of another spelling of its canonical form.
            String b = switch (random.nextInt(4)) {
                case 0 -> references.get(random.nextInt(references.size()));
                case 1 -> nearMiss(a);
                case 2 -> pick(SPACE) + EvidenceReferencePlain.canonical(a).toUpperCase(java.util.Locale.ROOT) + pick(SPACE);
                default -> a.substring(0, random.nextInt(a.length() + 1));
            };
            boolean plain = EvidenceReferencePlain.same(a, b);
            same += plain ? 1 : 0;
            if (plain && !EvidenceReferencePlain.canonical(a).equals(EvidenceReferencePlain.canonical(b))) {
                commitPrefixes++;
            }
            boolean fast = EvidenceReference.same(a, b);
            boolean fromForms = EvidenceReference.sameCanonical(EvidenceReference.canonical(a), EvidenceReference.canonical(b));
            if (plain != fast || plain != fromForms || fast != EvidenceReference.same(b, a)) {
                wrong.add(escaped(a) + " / " + escaped(b) + ": plain " + plain + ", fast " + fast + ", from forms " + fromForms);
            }
        }
        assertEquals(List.of(), wrong.subList(0, Math.min(20, wrong.size())), wrong.size() + " pairs differ");
        assertTrue(same >= 5_000 && same <= 55_000, same + " of 60,000 pairs the same");
        assertTrue(commitPrefixes >= 300, "only " + commitPrefixes + " pairs the same by a commit prefix");
    }

    private static String escaped(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(c -> {
            if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u{%x}", c));
            } else {
                out.append((char) c);
            }
        });
        return out.append('"').toString();
    }
}
