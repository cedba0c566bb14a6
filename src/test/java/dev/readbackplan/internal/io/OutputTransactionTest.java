package dev.readbackplan.internal.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.readbackplan.document.FileChangedException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs staged together are committed together, only while their targets hold what was read, and failures name the target. */
class OutputTransactionTest {
    private static final byte[] NEW = "new\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path temp;

    private List<String> namesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void whenOneOutputCannotBePreparedNoneIsCommitted() throws IOException {
        Path first = temp.resolve("plan.json");
        Files.writeString(first, "old plan");
        Files.writeString(temp.resolve("file"), "not a folder");
        Path second = temp.resolve("file/review.txt");
        IOException failed = assertThrows(IOException.class, () -> {
            try (OutputFiles.Transaction outputs = new OutputFiles.Transaction()) {
                outputs.stage(first, null, out -> out.write(NEW));
                outputs.stage(second, null, out -> out.write(NEW));
                outputs.commit();
            }
        });
        assertTrue(String.valueOf(failed.getMessage()).contains("file"), failed.toString());
        assertEquals("old plan", Files.readString(first));
        assertEquals(List.of("file", "plan.json"), namesIn(temp), "no temporary file is left");
    }

    @Test
    void contentThatFailsLeavesNothingBehind() throws IOException {
        Path first = temp.resolve("a/plan.json");
        Path second = temp.resolve("b/c/review.txt");
        assertThrows(UncheckedIOException.class, () -> {
            try (OutputFiles.Transaction outputs = new OutputFiles.Transaction()) {
                outputs.stage(first, null, out -> out.write(NEW));
                outputs.stage(second, null, out -> {
                    out.write(NEW);
                    throw new UncheckedIOException(new IOException("refused"));
                });
                outputs.commit();
            }
        });
        assertEquals(List.of(), namesIn(temp), "the folders staging made are removed with the temporary files");
    }

    @Test
    void bothOutputsAreWrittenOnCommit() throws IOException {
        Path first = temp.resolve("plan.json");
        Path second = temp.resolve("out/review.txt");
        Files.writeString(first, "old plan");
        try (OutputFiles.Transaction outputs = new OutputFiles.Transaction()) {
            outputs.stage(first, OutputFiles.Expected.current(first), out -> out.write(NEW));
            outputs.stage(second, OutputFiles.Expected.ABSENT, out -> out.write(NEW));
            assertEquals("old plan", Files.readString(first), "nothing is visible before the commit");
            assertFalse(Files.exists(second));
            outputs.commit();
        }
        assertArrayEquals(NEW, Files.readAllBytes(first));
        assertArrayEquals(NEW, Files.readAllBytes(second));
        assertEquals(List.of("out", "plan.json"), namesIn(temp));
    }

    @Test
    void aTargetEditedBeforeTheCommitIsNeverReplaced() throws IOException {
        Path plan = temp.resolve("plan.json");
        Path review = temp.resolve("review.txt");
        Files.writeString(plan, "as read");
        OutputFiles.Expected read = OutputFiles.Expected.current(plan);
        FileChangedException changed = assertThrows(FileChangedException.class, () -> {
            try (OutputFiles.Transaction outputs = new OutputFiles.Transaction()) {
                outputs.stage(review, null, out -> out.write(NEW));
                outputs.stage(plan, read, out -> out.write(NEW));
                Files.writeString(plan, "as saved"); // same size, other bytes: the hash tells
                outputs.commit();
            }
        });
        assertEquals(plan.toString(), changed.getFile());
        assertEquals("as saved", Files.readString(plan));
        assertFalse(Files.exists(review), "no output is committed when one target changed");
        assertEquals(List.of("plan.json"), namesIn(temp));
    }

    @Test
    void anEditSavedWhileTheCommitChecksTheTargetIsNeverReplaced() throws IOException {
        Path plan = temp.resolve("plan.json");
        byte[] old = new byte[300_000];
        new Random(21).nextBytes(old);
        Files.write(plan, old);
        // A plan saved a minute ago: a save now gives it another modification time.
        Files.setLastModifiedTime(plan, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        OutputFiles.Expected read = OutputFiles.Expected.current(plan);
        byte[] saved = old.clone();
        saved[10] ^= 1; // in the first block, which the check has read when the save lands
        OutputFiles.duringCheck = target -> {
            try (RandomAccessFile file = new RandomAccessFile(target.toFile(), "rw")) {
                file.write(saved); // in place: the same inode and size
            }
        };
        try {
            FileChangedException changed = assertThrows(FileChangedException.class, () -> {
                try (OutputFiles.Transaction outputs = new OutputFiles.Transaction()) {
                    outputs.stage(plan, read, out -> out.write(NEW));
                    outputs.commit();
                }
            });
            assertEquals(plan.toString(), changed.getFile());
        } finally {
            OutputFiles.duringCheck = null;
        }
        assertArrayEquals(saved, Files.readAllBytes(plan));
        assertEquals(List.of("plan.json"), namesIn(temp));
    }

    @Test
    void aFileCreatedWhereNoneWasIsNeverReplaced() throws IOException {
        Path plan = temp.resolve("plan.json");
        OutputFiles.Expected none = OutputFiles.Expected.current(plan);
        assertThrows(FileChangedException.class, () -> OutputFiles.write(plan, none, out -> {
            out.write(NEW);
            Files.writeString(plan, "someone else's");
        }));
        assertEquals("someone else's", Files.readString(plan));
        assertEquals(List.of("plan.json"), namesIn(temp));
    }

    @Test
    void oneFileIsNeverTwoOutputsOfARun() throws IOException {
        Path plan = temp.resolve("plan.json");
        Files.writeString(plan, "old");
        Files.createSymbolicLink(temp.resolve("link.json"), plan);
        FileSystemException twice = assertThrows(FileSystemException.class, () -> {
            try (OutputFiles.Transaction outputs = new OutputFiles.Transaction()) {
                outputs.stage(plan, null, out -> out.write(NEW));
                outputs.stage(temp.resolve("link.json"), null, out -> out.write(NEW));
                outputs.commit();
            }
        });
        assertTrue(twice.getMessage().contains("is already an output of this run"), twice.getMessage());
        assertEquals("old", Files.readString(plan));
        assertEquals(List.of("link.json", "plan.json"), namesIn(temp));
    }

    @Test
    void aFullDeviceIsNamed() throws IOException {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full));
        FileSystemException failed = assertThrows(FileSystemException.class, () -> OutputFiles.write(full, out -> out.write(NEW)));
        assertEquals("/dev/full", failed.getFile());
        assertTrue(failed.getMessage().contains("No space left on device"), failed.getMessage());
    }

    @Test
    void aTemporaryFileThatCannotBeMadeIsNamedByItsTarget() throws IOException {
        Path target = temp.resolve("x".repeat(245));
        FileSystemException failed = assertThrows(FileSystemException.class, () -> OutputFiles.write(target, out -> out.write(NEW)));
        assertEquals(target.toString(), failed.getFile());
        assertFalse(failed.getMessage().contains(".tmp"), failed.getMessage());
        assertEquals(List.of(), namesIn(temp));
    }
}
