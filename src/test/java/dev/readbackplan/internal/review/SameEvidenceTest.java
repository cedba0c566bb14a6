package dev.readbackplan.internal.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What one reference is: a table of pairs that are, and pairs that are not, the same evidence. */
class SameEvidenceTest {
    private record Row(String a, String b, boolean same) {}

    private static final List<Row> TABLE = List.of(
            // Commits: the prefix is optional, case does not matter, a short commit is the longer one it prefixes.
            new Row("commit:abc1234def", "abc1234def", true),
            new Row("abc1234", "abc1234def", true),
            new Row("commit:abc1234", "ABC1234DEF0", true),
            new Row("abc1234", "abc1235", false),
            new Row("abc1234def", "bc1234def", false),
            new Row("sha1:" + "ab".repeat(20), "commit:" + "ab".repeat(10), true),
            // Content hashes: algorithm and digits, any case.
            new Row("sha256:" + "a".repeat(64), "SHA256:" + "A".repeat(64), true),
            new Row("sha256:" + "a".repeat(64), "sha256:" + "b".repeat(64), false),
            new Row("sha256:" + "a".repeat(64), "sha512:" + "a".repeat(64), false),
            // Artifact pointers: one path however it is spelt; fragments kept.
            new Row("artifact://evidence/route.json", "artifact://evidence/./route.json", true),
            new Row("artifact://evidence/route.json", "artifact://evidence//route.json", true),
            new Row("artifact://evidence/route.json", "artifact://evidence/x/../route.json", true),
            new Row("artifact://evidence/route.json", "artifact://evidence/route.json/", true),
            new Row("artifact://evidence/route.json", "artifact://evidence/receipt.json", false),
            new Row("artifact://evidence/route.json", "artifact://evidence/Route.json", false),
            new Row("artifact://evidence/a.json#p1", "artifact://evidence/./a.json#p1", true),
            new Row("artifact://evidence/a.json#p1", "artifact://evidence/a.json#p2", false),
            new Row("artifact://evidence/a.json#p1", "artifact://evidence/a.json", false),
            // Issues: owner and repository in any case, the number without leading zeros.
            new Row("acme/monitoring#12", "Acme/Monitoring#12", true),
            new Row("acme/monitoring#12", "acme/monitoring#012", true),
            new Row("acme/monitoring#12", "acme/monitoring#13", false),
            new Row("acme/monitoring#12", "acme/alerting#12", false),
            new Row("acme/monitoring#0", "acme/monitoring#000", true),
            // Ticket ids: case-insensitive.
            new Row("INC-2041", "inc-2041", true),
            new Row("INC-2041", "INC-2042", false),
            new Row("CHG-2026-0042", "chg-2026-0042", true),
            // Different kinds are different evidence.
            new Row("INC-2041", "artifact://INC-2041", false),
            new Row("abc1234", "artifact://abc1234", false));

    @Test
    void eachRowIsOrIsNotOneReference() {
        StringBuilder wrong = new StringBuilder();
        for (Row row : TABLE) {
            if (EvidenceReference.same(row.a(), row.b()) != row.same() || EvidenceReference.same(row.b(), row.a()) != row.same()) {
                wrong.append(row).append('\n');
            }
        }
        assertEquals("", wrong.toString());
    }

    @Test
    void canonicalForms() {
        assertEquals("commit:abc1234def", EvidenceReference.canonical("abc1234def"));
        assertEquals("commit:abc1234def", EvidenceReference.canonical("commit:ABC1234DEF"));
        assertEquals("artifact://evidence/route.json", EvidenceReference.canonical("artifact://evidence/x/..//./route.json/"));
        assertEquals("acme/monitoring#12", EvidenceReference.canonical("Acme/Monitoring#0012"));
        assertEquals("INC-2041", EvidenceReference.canonical("inc-2041"));
        assertEquals("see the board", EvidenceReference.canonical("see the board"));
    }
}
