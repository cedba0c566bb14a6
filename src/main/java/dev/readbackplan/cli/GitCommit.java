package dev.readbackplan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@code git rev-parse --short HEAD} run in the repository root, as the reference generator records
 * it: the output stripped, or {@code unknown} when git is missing or fails. Started early and read
 * late, so that the process runs while the snapshot is read.
 */
final class GitCommit {
    static final String UNKNOWN = "unknown";
    private static final long TIMEOUT_SECONDS = 30;

    private final Process process;

    private GitCommit(Process process) {
        this.process = process;
    }

    static GitCommit start(Path root) {
        try {
            Process process = new ProcessBuilder("git", "rev-parse", "--short", "HEAD")
                    .directory(root.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.getOutputStream().close();
            return new GitCommit(process);
        } catch (IOException | RuntimeException e) {
            return new GitCommit(null);
        }
    }

    /** Stops git when its answer is no longer wanted. */
    void cancel() {
        if (process != null) {
            process.destroy();
        }
    }

    String await() {
        if (process == null) {
            return UNKNOWN;
        }
        try (InputStream in = process.getInputStream()) {
            String output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return UNKNOWN;
            }
            return process.exitValue() == 0 ? output.strip() : UNKNOWN;
        } catch (IOException e) {
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        }
    }
}
