package dev.readbackplan.internal.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A document read a step at a time is the file's bytes, whatever the steps and the stream's short reads. */
class DocumentBytesTest {
    @TempDir
    Path folder;

    @Test
    void aFileIsReadWholeAroundEveryStepBoundary() throws IOException {
        Random random = new Random(20261203);
        int step = DocumentBytes.STEP;
        for (int size : new int[] {1, 2, step - 1, step, step + 1, 2 * step - 1, 2 * step, 2 * step + 1, 3 * step + 12_345}) {
            byte[] content = new byte[size];
            random.nextBytes(content);
            Path file = folder.resolve("doc-" + size);
            Files.write(file, content);
            DocumentBytes read = DocumentBytes.of(file, 10L * step);
            assertFalse(read.tooLarge());
            assertEquals(size, read.length());
            assertArrayEquals(content, Arrays.copyOf(read.data(), read.length()));
        }
    }

    @Test
    void aFileOverTheLimitIsNotRead() throws IOException {
        Path file = folder.resolve("large");
        Files.write(file, new byte[1_000]);
        DocumentBytes read = DocumentBytes.of(file, 999);
        assertTrue(read.tooLarge());
        assertEquals(0, read.length());
    }

    @Test
    void shortReadsAndTheStreamsEndAreFollowed() throws IOException {
        Random random = new Random(7);
        byte[] content = new byte[3 * DocumentBytes.STEP + 5];
        random.nextBytes(content);
        InputStream trickle = new ByteArrayInputStream(content) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(70_000)));
            }
        };
        byte[] data = new byte[content.length + 1];
        assertEquals(content.length, DocumentBytes.readFully(trickle, data));
        assertArrayEquals(content, Arrays.copyOf(data, content.length));
        byte[] exact = new byte[10];
        assertEquals(10, DocumentBytes.readFully(new ByteArrayInputStream(content), exact));
        assertArrayEquals(Arrays.copyOf(content, 10), exact);
        assertEquals(0, DocumentBytes.readFully(InputStream.nullInputStream(), new byte[5]));
    }
}
