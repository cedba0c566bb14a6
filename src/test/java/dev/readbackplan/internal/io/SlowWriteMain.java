package dev.readbackplan.internal.io;

import java.io.IOException;
import java.nio.file.Path;

/** For {@link ProcessTest}: starts writing a file, says so, then waits to be stopped mid-write. */
public final class SlowWriteMain {
    private SlowWriteMain() {}

    public static void main(String[] args) throws IOException {
        OutputFiles.write(Path.of(args[0]), out -> {
            out.write("{\"half\": ".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
            System.out.println("writing");
            System.out.flush();
            try {
                Thread.sleep(120_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
