package dev.readbackplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.readbackplan.document.Problem;
import dev.readbackplan.document.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code Problem.pointer()} is the form safe to show; the document's own keys are {@code rawPointer()}. */
class ProblemPointerTest {
    private static final String TOKEN_KEY = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";

    @Test
    void theShortNameIsTheSafeOne() {
        Problem problem = new Problem(Severity.ERROR, List.of("labels", TOKEN_KEY, "a\u001b[2Jb"), 1, 2, "type", "m");
        assertFalse(problem.pointer().contains(TOKEN_KEY), problem.pointer());
        assertFalse(problem.pointer().contains("\u001b"), problem.pointer());
        assertEquals("/labels/[redacted]/a\\u001b[2Jb", problem.pointer());
        assertEquals("/labels/" + TOKEN_KEY + "/a\u001b[2Jb", problem.rawPointer());
        assertEquals(problem.pointer(), problem.toString().split(": ")[2]);
    }

    @Test
    void theWholeDocument() {
        Problem problem = new Problem(Severity.WARNING, "", 0, 0, "kind", "m");
        assertEquals("(root)", problem.pointer());
        assertEquals("", problem.rawPointer());
    }

    @Test
    void rawPointerIsRfc6901() {
        Problem problem = new Problem(Severity.ERROR, "/a~1b/c~0d/0", 0, 0, "type", "m");
        assertEquals(List.of("a/b", "c~d", "0"), problem.pointerSegments());
        assertEquals("/a~1b/c~0d/0", problem.rawPointer());
    }
}
