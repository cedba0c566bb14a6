package dev.readbackplan.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher installed without a source checkout: src/test/scripts/launcher-test.sh copies it with
 * the CLI jar into an empty folder and checks the cache is built on the first run and used on the
 * second, that nothing is written beside it, that it still runs when no cache can be made, that
 * standard output carries only the program's output whatever the state of the cache, that the cache
 * is keyed by the jar's content, and that a JAVA_HOME without a JDK exits 2. It runs against the JDK
 * running the tests; run the script by hand with JAVA_HOME set to each other JDK supported.
 */
class LauncherIT {
    @Test
    void worksFromAFolderOfItsOwn(@TempDir Path temp) throws IOException, InterruptedException {
        Path jar = Artifacts.file("-cli.jar");
        Path untrainable = temp.resolve("untrainable.jar");
        withoutTrainingInput(jar, untrainable);
        Path variant = temp.resolve("variant.jar");
        sameSizeVariant(jar, variant);
        ProcessBuilder builder = new ProcessBuilder("bash", "src/test/scripts/launcher-test.sh", "bin/monitoring-readback-plan",
                jar.toString(), untrainable.toString(),
                "examples/docs/security/monitoring-owner-response-acceptance.snapshot.json", variant.toString())
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

    /**
     * A copy of the CLI jar of the same size whose content differs: one entry the program never reads
     * (the Maven pom.xml) renamed in both its local header and the central directory, one letter
     * changed. It runs exactly as the jar does.
     */
    private static void sameSizeVariant(Path jar, Path copy) throws IOException {
        byte[] bytes = Files.readAllBytes(jar);
        byte[] name = "META-INF/maven/dev.readbackplan/monitoring-readback-plan/pom.xml".getBytes(StandardCharsets.UTF_8);
        int renamed = 0;
        for (int i = 0; i + name.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + name.length, name, 0, name.length)) {
                bytes[i + name.length - 1] = 'X';
                renamed++;
            }
        }
        assertEquals(2, renamed, "the CLI jar should name its pom.xml in a local header and in the central directory");
        Files.write(copy, bytes);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(copy))) {
            int entries = 0;
            while (in.getNextEntry() != null) {
                entries++;
            }
            assertTrue(entries > 2, "the variant jar should still be a jar");
        }
    }

    /** A copy of the CLI jar without the example the launcher trains on: its training fails. */
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
            assertEquals(4, removed, "the CLI jar should carry the training example: snapshot, plan, filled plan (and their folder)");
        }
    }
}
