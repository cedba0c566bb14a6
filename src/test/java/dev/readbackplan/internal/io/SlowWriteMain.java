package dev.readbackplan.internal.io;

import java.io.IOException;
import java.nio.file.Path;

/** For {@link ProcessTest}: starts writing a file, says so, then waits to be stopped mid-write; with {@code hook}, as an application that removes temporary files on SIGTERM. */
public final class SlowWriteMain {
    private SlowWriteMain() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args[1].equals("hook")) {
            Runtime.getRuntime().addShutdownHook(new Thread(OutputFiles::removeTemporaryFiles));
        }
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
