package dev.readbackplan.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;

/**
 * Standard output as the commands write it, noting whether a write failed because its reader closed
 * it ({@code ... | head -1}: EPIPE, "Broken pipe"). The run then stops quietly with {@link
 * Cli#OUTPUT_CLOSED}, as a tool stopped by SIGPIPE does; any other failure (a full disk) is still
 * reported. The JVM ignores SIGPIPE, so the closed pipe shows up as an {@link IOException} here.
 */
final class ClosedOutputWatch extends FilterOutputStream {
    private volatile IOException failure;

    ClosedOutputWatch(OutputStream out) {
        super(out);
    }

    /** Whether a write or flush failed because the reader closed the output. */
    boolean closedByReader() {
        IOException e = failure;
        if (e == null || e.getMessage() == null) {
            return false;
        }
        // Linux and macOS: "Broken pipe"; Windows: "The pipe is being closed", "The pipe has been ended".
        String message = e.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("broken pipe") || message.contains("pipe is being closed") || message.contains("pipe has been ended");
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }
}
