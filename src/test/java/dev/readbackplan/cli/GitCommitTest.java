package dev.readbackplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class GitCommitTest {
    /** Issue item 8: the output was read before waiting, so the timeout could not fire and a hanging git hung the tool. */
    @Test
    @Timeout(30)
    void aHangingGitGivesUnknownAfterTheTimeout() {
        GitCommit hanging = GitCommit.start(Path.of("."), List.of("sleep", "600"), Duration.ofSeconds(1));
        assertEquals(GitCommit.UNKNOWN, hanging.await());
    }

    @Test
    @Timeout(30)
    void aHangingGitThatHoldsItsOutputOpenGivesUnknown() {
        // Prints a line, then hangs with standard output still open: reading first would wait for ever.
        GitCommit hanging = GitCommit.start(Path.of("."), List.of("sh", "-c", "echo abc1234; exec sleep 600"), Duration.ofSeconds(1));
        assertEquals(GitCommit.UNKNOWN, hanging.await());
    }

    @Test
    void aFailingGitGivesUnknownAndAnAnswerIsStripped() {
        assertEquals(GitCommit.UNKNOWN, GitCommit.start(Path.of("."), List.of("sh", "-c", "echo abc1234; exit 1"), GitCommit.TIMEOUT).await());
        assertEquals("abc1234", GitCommit.start(Path.of("."), List.of("sh", "-c", "echo '  abc1234  '"), GitCommit.TIMEOUT).await());
        assertEquals(GitCommit.UNKNOWN, GitCommit.start(Path.of("."), List.of("no-such-git-binary"), GitCommit.TIMEOUT).await());
    }
}
