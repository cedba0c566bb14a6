package dev.readbackplan.internal.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** How output files are written: atomically for regular files, into special files, through links as the kernel follows them. */
class OutputFilesTest {
    private static final byte[] PLAN = "{\"plan\": true}\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path temp;

    private static void write(Path target) throws IOException {
        OutputFiles.write(target, out -> out.write(PLAN));
    }

    private List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    @Test
    void aRegularFileIsReplacedKeepingItsPermissions() throws IOException {
        Path target = temp.resolve("plan.json");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));
        write(target);
        assertArrayEquals(PLAN, Files.readAllBytes(target));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
        assertEquals(List.of(target), filesIn(temp));
    }

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
        Path target = temp.resolve("plan.json");
        Files.writeString(target, "old");
        assertThrows(IOException.class, () -> OutputFiles.write(target, out -> {
            out.write(PLAN);
            throw new IOException("refused half-way");
        }));
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), filesIn(temp));
    }

    /** Issue item 4: as root, /dev/null was replaced by a regular file. */
    @Test
    void devNullStaysADevice() throws IOException {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull));
        write(devNull);
        assertFalse(Files.isRegularFile(devNull, LinkOption.NOFOLLOW_LINKS), "/dev/null must still be a device");
    }

    /** Issue item 4: a FIFO was replaced by a regular file instead of being written into. */
    @Test
    @Timeout(60)
    void aFifoIsWrittenInto() throws Exception {
        Path fifo = temp.resolve("plan.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo is available");
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        write(fifo);
        assertArrayEquals(PLAN, reader.get(30, TimeUnit.SECONDS));
        assertFalse(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS), "the FIFO must still be a FIFO");
        assertEquals(List.of(fifo), filesIn(temp));
    }

    /** A refused generation never opens a special file: a FIFO's reader would otherwise see an empty plan. */
    @Test
    void aSpecialFileIsOpenedOnlyWhenTheFirstByteIsReady() throws IOException {
        Path devFull = Path.of("/dev/full");
        assumeTrue(Files.exists(devFull));
        // /dev/full fails every write: nothing written means it was never written.
        assertThrows(IOException.class, () -> OutputFiles.write(devFull, out -> {
            throw new IOException("the snapshot was refused");
        }));
        OutputFiles.write(devFull, out -> { });
    }

    /**
     * Issue item 5: a relative link with .. inside a linked folder was resolved lexically, so the real
     * target stayed old and a stray file appeared next to the link's folder.
     */
    @Test
    void aRelativeLinkInALinkedFolderIsFollowedFromTheRealFolder() throws IOException {
        Path real = Files.createDirectories(temp.resolve("real/deep/folder"));
        Path realTarget = temp.resolve("real/deep/plan.json");
        Files.writeString(realTarget, "old");
        Files.createSymbolicLink(real.resolve("plan.json"), Path.of("../plan.json"));
        Path linkedFolder = Files.createSymbolicLink(temp.resolve("shortcut"), real);
        write(linkedFolder.resolve("plan.json"));
        assertArrayEquals(PLAN, Files.readAllBytes(realTarget), "the real target is written");
        assertTrue(Files.isSymbolicLink(real.resolve("plan.json")), "the link stays a link");
        assertEquals(List.of(temp.resolve("real"), temp.resolve("shortcut")), filesIn(temp), "no stray file beside the shortcut");
        assertEquals(List.of(real, realTarget), filesIn(temp.resolve("real/deep")));
    }

    @Test
    void aDanglingLinkNamesTheFileToCreate() throws IOException {
        Files.createDirectories(temp.resolve("out"));
        Path link = Files.createSymbolicLink(temp.resolve("plan.json"), Path.of("out/new-plan.json"));
        write(link);
        assertArrayEquals(PLAN, Files.readAllBytes(temp.resolve("out/new-plan.json")));
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void aFolderIsRefusedByName() {
        FileSystemException refused = assertThrows(FileSystemException.class, () -> write(temp));
        assertEquals(temp.toString(), refused.getFile());
    }

    @Test
    void aLinkLoopIsRefused() throws IOException {
        Files.createSymbolicLink(temp.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(temp.resolve("b"), Path.of("a"));
        assertThrows(IOException.class, () -> write(temp.resolve("a")));
    }
}
