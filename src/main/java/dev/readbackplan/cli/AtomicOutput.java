package dev.readbackplan.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see either the old content or the whole new content, never a part:
 * the bytes go to a temporary file in the same folder, which then replaces the target in one rename.
 * On any failure the temporary file is removed and the target is untouched.
 */
final class AtomicOutput {
    /** What writes the content. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final int MAX_LINKS = 40;

    private AtomicOutput() {}

    static void write(Path target, Content content) throws IOException {
        Path destination = followLinks(target.toAbsolutePath());
        Path folder = destination.getParent();
        Path firstCreated = firstMissing(folder);
        Files.createDirectories(folder);
        Path temporary = null;
        boolean moved = false;
        try {
            temporary = createTemporary(folder, destination.getFileName().toString());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary, StandardOpenOption.WRITE), 1 << 16)) {
                content.writeTo(out);
            }
            keepPermissions(destination, temporary);
            try {
                Files.move(temporary, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, destination, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                if (temporary != null) {
                    Files.deleteIfExists(temporary);
                }
                removeCreated(folder, firstCreated);
            }
        }
    }

    /** The outermost folder on the way to {@code folder} that does not exist yet, or null. */
    private static Path firstMissing(Path folder) {
        Path missing = null;
        for (Path p = folder; p != null && !Files.exists(p); p = p.getParent()) {
            missing = p;
        }
        return missing;
    }

    /** Removes the folders this write created, innermost first, leaving anything that is not empty. */
    private static void removeCreated(Path folder, Path firstCreated) {
        if (firstCreated == null) {
            return;
        }
        for (Path p = folder; p != null && p.startsWith(firstCreated); p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                return;
            }
        }
    }

    /**
     * A new, empty file next to the target. Created with the default mode, so the process umask
     * applies as it does to any new file (the temporary-file API would make it private). Creation is
     * exclusive (O_EXCL), so a planted file or link is never written through: the name needs to be
     * unique, not secret, and a plain random number spares the start-up cost of a SecureRandom.
     */
    private static Path createTemporary(Path folder, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFFFFFL);
            Path temporary = folder.resolve("." + name + "." + suffix + ".tmp");
            try {
                Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temporary;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    /** Writing through a symbolic link writes its target, as the reference generator does. */
    private static Path followLinks(Path path) throws IOException {
        Path current = path;
        for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(current); i++) {
            current = current.resolveSibling(Files.readSymbolicLink(current)).normalize();
        }
        return current;
    }

    /** A replaced file keeps its permissions. */
    private static void keepPermissions(Path existing, Path replacement) throws IOException {
        if (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        PosixFileAttributeView from = Files.getFileAttributeView(existing, PosixFileAttributeView.class);
        PosixFileAttributeView to = Files.getFileAttributeView(replacement, PosixFileAttributeView.class);
        if (from != null && to != null) {
            to.setPermissions(from.readAttributes().permissions());
        }
    }
}
