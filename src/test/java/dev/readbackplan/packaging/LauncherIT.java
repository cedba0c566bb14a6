package dev.readbackplan.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher installed without a source checkout: src/test/scripts/launcher-test.sh copies it with
 * the CLI jar into an empty folder and checks the cache is built on the first run and used on the
 * second, that nothing is written beside it, and that it still runs when no cache can be made.
 */
class LauncherIT {
    @Test
    void worksFromAFolderOfItsOwn(@TempDir Path temp) throws IOException, InterruptedException {
        Path jar = Artifacts.file("-cli.jar");
        Path untrainable = temp.resolve("untrainable.jar");
        withoutTrainingInput(jar, untrainable);
        ProcessBuilder builder = new ProcessBuilder("bash", "src/test/scripts/launcher-test.sh", "bin/monitoring-readback-plan",
                jar.toString(), untrainable.toString(),
                "examples/docs/security/monitoring-owner-response-acceptance.snapshot.json")
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("output.txt").toFile());
        // The JDK running the tests, the one the build is checked with.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process script = builder.start();
        script.getOutputStream().close();
        boolean done = script.waitFor(5, TimeUnit.MINUTES);
        if (!done) {
            script.destroyForcibly();
        }
        String output = Files.readString(temp.resolve("output.txt"), StandardCharsets.UTF_8);
        assertEquals(0, done ? script.exitValue() : -1, output);
    }

    /** A copy of the CLI jar without the snapshot the launcher trains on: its training fails. */
    private static void withoutTrainingInput(Path jar, Path copy) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
            int removed = 0;
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.getName().startsWith("dev/readbackplan/cli/training/")) {
                    removed++;
                    continue;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            assertEquals(2, removed, "the CLI jar should carry the training snapshot (and its folder)");
        }
    }
}
