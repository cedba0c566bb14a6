package dev.readbackplan.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An expectation whose checksum is taken by the run's own reading of the file (OutputFiles.Expected
 * unread, reading): the bytes checksummed are the bytes the run read, and whatever changes the file
 * after its attributes were taken, before, during or after that reading, either is what the run read
 * or refuses the commit. The edits here keep the file's size, inode and modification time, so only
 * the checksum can see them.
 */
class ExpectedReadingTest {
    @TempDir
    Path temp;

    private Path file(byte[] bytes) throws IOException {
        Path file = temp.resolve("plan.json");
        Files.write(file, bytes);
        return file;
    }

    private static byte[] bytes(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Rewrites the file in place (same inode, same size) and puts its modification time back. */
    private static void rewriteKeepingAttributes(Path file, byte[] bytes) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(0);
            raf.write(bytes);
        }
        Files.setLastModifiedTime(file, modified);
    }

    private static void readAll(InputStream in) throws IOException {
        in.transferTo(java.io.OutputStream.nullOutputStream());
    }

    @Test
    void aFileReadWholeAndUnchangedMatches() throws IOException {
        Path file = file(bytes(1, 300_000));
        OutputFiles.Expected expected = OutputFiles.Expected.unread(file);
        assertFalse(expected.hasChecksum());
        try (InputStream in = expected.reading()) {
            readAll(in);
        }
        assertTrue(expected.hasChecksum());
        assertTrue(expected.matches(file.toRealPath()));
    }

    @Test
    void closingEarlyReadsTheRestForTheChecksum() throws IOException {
        byte[] old = bytes(2, 300_000);
        Path file = file(old);
        OutputFiles.Expected expected = OutputFiles.Expected.unread(file);
        try (InputStream in = expected.reading()) {
            in.readNBytes(10); // a comparison that stopped at its first difference
        }
        assertTrue(expected.matches(file.toRealPath()));
        byte[] edited = old.clone();
        edited[250_000] ^= 1; // past what the run looked at
        rewriteKeepingAttributes(file, edited);
        assertFalse(expected.matches(file.toRealPath()), "an edit after the reading is refused");
    }

    @Test
    void theSameChecksumAsTheExpectationTakenUpFront() throws IOException {
        Path file = file(bytes(3, 1_000_003));
        OutputFiles.Expected upFront = OutputFiles.Expected.current(file);
        OutputFiles.Expected read = OutputFiles.Expected.unread(file);
        try (InputStream in = read.reading()) {
            byte[] buffer = new byte[7_919];
            while (in.read(buffer, 0, buffer.length) > 0) {
                in.read(); // single bytes and blocks, as a buffered reader mixes them
            }
        }
        assertTrue(upFront.matches(file.toRealPath()));
        assertTrue(read.matches(file.toRealPath()));
        rewriteKeepingAttributes(file, bytes(4, 1_000_003));
        assertFalse(upFront.matches(file.toRealPath()));
        assertFalse(read.matches(file.toRealPath()));
    }

    @Test
    void anEditBeforeTheReadingIsWhatTheRunReadsAndDecidesOn() throws IOException {
        Path file = file(bytes(5, 200_000));
        OutputFiles.Expected expected = OutputFiles.Expected.unread(file);
        byte[] edited = bytes(6, 200_000);
        rewriteKeepingAttributes(file, edited);
        byte[] seen;
        try (InputStream in = expected.reading()) {
            seen = in.readAllBytes();
        }
        assertTrue(Arrays.equals(edited, seen), "the run read the edited bytes");
        assertTrue(expected.matches(file.toRealPath()), "and the file still holds what the run read");
    }

    @Test
    void anEditDuringTheReadingIsRefused() throws IOException {
        Path file = file(bytes(7, 400_000));
        OutputFiles.Expected expected = OutputFiles.Expected.unread(file);
        try (InputStream in = expected.reading()) {
            in.readNBytes(100_000);
            rewriteKeepingAttributes(file, bytes(8, 400_000));
            readAll(in);
        }
        assertFalse(expected.matches(file.toRealPath()), "the bytes read are half old, half new: the file holds neither");
    }

    @Test
    void anEditThatChangesTheModificationTimeIsRefusedWhateverWasRead() throws IOException {
        byte[] old = bytes(9, 100_000);
        Path file = file(old);
        OutputFiles.Expected expected = OutputFiles.Expected.unread(file);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() - 60_000));
        try (InputStream in = expected.reading()) {
            readAll(in);
        }
        assertFalse(expected.matches(file.toRealPath()));
    }

    @Test
    void aFileReplacedBeforeTheReadingIsRefusedEvenWithTheSameBytes() throws IOException {
        byte[] old = bytes(12, 50_000);
        Path file = file(old);
        OutputFiles.Expected expected = OutputFiles.Expected.unread(file);
        // Another program saves the same bytes the way editors do: a new file renamed over the old one.
        Path saved = temp.resolve("plan.json.saving");
        Files.write(saved, old);
        Files.setLastModifiedTime(saved, Files.getLastModifiedTime(file));
        Files.move(saved, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        try (InputStream in = expected.reading()) {
            readAll(in);
        }
        assertFalse(expected.matches(file.toRealPath()), "another file now: refused by its identity");
    }

    @Test
    void aCommitCannotCheckAnExpectationWhoseBytesWereNeverRead() throws IOException {
        Path file = file(bytes(10, 1_000));
        OutputFiles.Expected expected = OutputFiles.Expected.unread(file);
        assertThrows(IllegalStateException.class, () -> expected.matches(file.toRealPath()));
        expected.takeChecksum();
        assertTrue(expected.matches(file.toRealPath()));
    }

    @Test
    void theBytesAreReadForTheChecksumOnce() throws IOException {
        Path file = file(bytes(11, 1_000));
        OutputFiles.Expected expected = OutputFiles.Expected.unread(file);
        expected.reading().close();
        assertThrows(IllegalStateException.class, expected::reading);
        OutputFiles.Expected opened = OutputFiles.Expected.unread(file);
        InputStream first = opened.reading();
        assertThrows(IllegalStateException.class, opened::reading, "a second reading while the first is open");
        first.close();
        assertTrue(opened.matches(file.toRealPath()));
        assertEquals(OutputFiles.Expected.ABSENT, OutputFiles.Expected.unread(temp.resolve("missing.json")));
    }
}
