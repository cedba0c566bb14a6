package dev.readbackplan.internal.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A document's bytes, read up to one byte past the limit so that "too large" is known without reading
 * everything.
 *
 * @param data the bytes read (only the first {@code length} count)
 * @param length how many bytes were read
 * @param tooLarge whether the document is longer than the limit (then nothing or only part was read)
 */
public record DocumentBytes(byte[] data, int length, boolean tooLarge) {
    /**
     * Reads a file, or a FIFO or device as a stream.
     *
     * @param file the document
     * @param maxBytes the document limit
     * @return its bytes
     * @throws IOException when it cannot be read, or is a folder
     */
    public static DocumentBytes of(Path file, long maxBytes) throws IOException {
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a directory, not a document");
        }
        long size = Files.size(file);
        if (size > maxBytes) {
            return new DocumentBytes(new byte[0], 0, true);
        }
        try (InputStream in = Files.newInputStream(file)) {
            if (size == 0) {
                // A FIFO or a device says 0: read it as a stream, up to the limit.
                return of(in, maxBytes);
            }
            // Read into an array of the file's size at once; readNBytes alone would grow one in steps.
            byte[] data = new byte[(int) size + 1];
            int length = readFully(in, data);
            if (length <= size) {
                return new DocumentBytes(data, length, false);
            }
            // The file grew while being read: finish with the stream's own reading and limit.
            byte[] rest = in.readNBytes((int) (maxBytes + 1 - length));
            byte[] all = Arrays.copyOf(data, length + rest.length);
            System.arraycopy(rest, 0, all, length, rest.length);
            return new DocumentBytes(all, all.length, all.length > maxBytes);
        }
    }

    /**
     * Fills {@code data} from {@code in} a step at a time, up to the end of the stream. A file's stream
     * reads into a heap array through a temporary direct buffer as large as one read asks for, allocated
     * and zeroed when the thread has none that large: one read of a 7.5 MB snapshot took 30 ms at
     * start-up, against 4 ms in steps of {@link #STEP} (a fresh JVM at the launcher's options, JDK 25).
     *
     * @param in the stream (not closed)
     * @param data where the bytes go
     * @return how many bytes were read (fewer than {@code data.length} only at the end of the stream)
     * @throws IOException when the stream cannot be read
     */
    static int readFully(InputStream in, byte[] data) throws IOException {
        int length = 0;
        while (length < data.length) {
            int read = in.read(data, length, Math.min(STEP, data.length - length));
            if (read < 0) {
                break;
            }
            length += read;
        }
        return length;
    }

    /** The most one read of {@link #readFully} asks for. */
    static final int STEP = 1 << 18;

    /**
     * Reads a stream (not closed) up to one byte past the limit.
     *
     * @param in the document
     * @param maxBytes the document limit
     * @return its bytes
     * @throws IOException when it cannot be read
     */
    public static DocumentBytes of(InputStream in, long maxBytes) throws IOException {
        byte[] data = in.readNBytes((int) maxBytes + 1);
        return new DocumentBytes(data, data.length, data.length > maxBytes);
    }

    /**
     * Refuses up front a document the heap could not hold read whole: its bytes and then its tree take a
     * few times its size, so a heap under twice its size cannot do, and near that limit the collector
     * works for minutes before memory runs out. A document that streams needs no such room.
     *
     * @param file the document (its size counts; anything but a regular file passes)
     * @throws OutOfMemoryError when the heap's limit is under twice the document's size
     * @throws IOException when its size cannot be read
     */
    public static void requireHeapToReadWhole(Path file) throws IOException {
        long maxHeap = Runtime.getRuntime().maxMemory();
        if (maxHeap != Long.MAX_VALUE && Files.isRegularFile(file) && Files.size(file) > maxHeap / 2) {
            throw new OutOfMemoryError("a document of " + Files.size(file) + " bytes read whole needs more than half the heap ("
                    + maxHeap + " bytes)");
        }
    }

    /** {@return the SHA-256 of the bytes read, in lower-case hex} */
    public String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(data, 0, length);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
