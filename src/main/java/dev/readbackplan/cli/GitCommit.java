package dev.readbackplan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code git rev-parse --short HEAD} run in the repository root, as the reference generator records
 * it: the output stripped, or {@code unknown} when git is missing, fails or does not answer in time.
 * Started early and read late, so that the process runs while the snapshot is read.
 */
final class GitCommit {
    static final String UNKNOWN = "unknown";
    static final List<String> COMMAND = List.of("git", "rev-parse", "--short", "HEAD");
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** A commit id is a few dozen bytes; anything longer is not one. */
    private static final int MAX_OUTPUT = 256;

    private final Process process;
    private final Duration timeout;

    private GitCommit(Process process, Duration timeout) {
        this.process = process;
        this.timeout = timeout;
    }

    static GitCommit start(Path root) {
        return start(root, COMMAND, TIMEOUT);
    }

    /** Starts {@code command} in {@code root}; its answer is awaited for at most {@code timeout}. */
    static GitCommit start(Path root, List<String> command, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(root.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.getOutputStream().close();
            return new GitCommit(process, timeout);
        } catch (IOException | RuntimeException e) {
            return new GitCommit(null, timeout);
        }
    }

    /** Stops git when its answer is no longer wanted. */
    void cancel() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    /**
     * The commit, or unknown. The process is waited for first, with the timeout, and read after: a
     * commit id fits a pipe's buffer many times over, and reading first would wait for ever on a git
     * that hangs with its output open.
     */
    String await() {
        if (process == null) {
            return UNKNOWN;
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return UNKNOWN;
            }
            if (process.exitValue() != 0) {
                return UNKNOWN;
            }
            try (InputStream in = process.getInputStream()) {
                byte[] output = new byte[MAX_OUTPUT];
                int length = 0;
                // The process has ended: what it wrote is in the pipe. Read only that much.
                while (length < output.length && in.available() > 0) {
                    int read = in.read(output, length, output.length - length);
                    if (read < 0) {
                        break;
                    }
                    length += read;
                }
                return new String(output, 0, length, StandardCharsets.UTF_8).strip();
            }
        } catch (IOException e) {
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        }
    }
}
