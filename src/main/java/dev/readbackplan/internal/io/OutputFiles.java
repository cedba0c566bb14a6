package dev.readbackplan.internal.io;

import java.io.BufferedOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes an output file the way a careful tool does.
 *
 * <ul>
 *   <li>A regular file (or a new one, or a symbolic link to either) is replaced atomically: the bytes
 *       go to a temporary file beside the real target, which then replaces it in one rename, so readers
 *       see the old content or the whole new content, never a part. On any failure the temporary file
 *       is removed, folders this write created are removed, and the target is untouched; a JVM stopped
 *       by SIGTERM or Ctrl-C removes its temporary files too (SIGKILL cannot be handled).
 *   <li>Anything else that exists (a character device such as {@code /dev/null}, a FIFO, a socket,
 *       standard output through {@code /dev/stdout} or {@code /proc/self/fd/N}) is written into, as
 *       the reference generator does, and only opened once the first byte is ready, so that a refused
 *       input never opens it.
 * </ul>
 *
 * <p>Symbolic links are followed as the kernel follows them: each link is resolved from the real
 * folder it sits in (so a relative {@code ..} in a link inside a linked folder leaves the real folder),
 * and the temporary file is made beside the final target.
 */
public final class OutputFiles {
    /** What writes the content. */
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final int MAX_LINKS = 40;
    private static final int BUFFER = 1 << 16;

    private OutputFiles() {}

    /** Writes {@code target}; see the class comment for how. */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (isSpecial(absolute)) {
            try (OutputStream out = new BufferedOutputStream(new OpenOnFirstWrite(absolute), BUFFER)) {
                content.writeTo(out);
            }
            return;
        }
        replaceAtomically(realTarget(absolute), content);
    }

    /** Whether the target exists and is not a regular file, or is reached through a process's descriptors. */
    public static boolean isSpecial(Path absolute) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(absolute, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return false;
        }
        if (attributes.isDirectory()) {
            throw new FileSystemException(absolute.toString(), null, "is a directory");
        }
        return !attributes.isRegularFile() || throughProcessDescriptors(absolute);
    }

    /** {@code /dev/stdout} and the like reach a descriptor of this process: write into it, never replace what it names. */
    private static boolean throughProcessDescriptors(Path absolute) throws IOException {
        Path current = absolute;
        for (int i = 0; i < MAX_LINKS; i++) {
            if (current.startsWith("/proc") || current.startsWith("/dev/fd")) {
                return true;
            }
            if (!Files.isSymbolicLink(current)) {
                return false;
            }
            current = realFolder(current.getParent()).resolve(Files.readSymbolicLink(current));
        }
        return false;
    }

    /**
     * The file a write to {@code absolute} lands in: every link followed from the real folder it sits
     * in. A dangling link names the file to create.
     */
    static Path realTarget(Path absolute) throws IOException {
        Path current = realFolder(absolute.getParent()).resolve(absolute.getFileName());
        for (int i = 0; Files.isSymbolicLink(current); i++) {
            if (i == MAX_LINKS) {
                throw new FileSystemException(absolute.toString(), null, "too many levels of symbolic links");
            }
            Path link = Files.readSymbolicLink(current);
            Path next = current.getParent().resolve(link);
            current = realFolder(next.getParent()).resolve(next.getFileName());
        }
        return current;
    }

    /** The real path of a folder, following every link; for a folder still to be made, its real existing ancestor and the rest. */
    private static Path realFolder(Path folder) throws IOException {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return folder;
        }
        return existing.toRealPath().resolve(existing.relativize(folder));
    }

    private static void replaceAtomically(Path destination, Content content) throws IOException {
        Path folder = destination.getParent();
        Path firstCreated = firstMissing(folder);
        Files.createDirectories(folder);
        Path temporary = null;
        boolean moved = false;
        try {
            temporary = createTemporary(folder, destination.getFileName().toString());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary, StandardOpenOption.WRITE), BUFFER)) {
                content.writeTo(out);
            }
            keepAttributes(destination, temporary);
            try {
                Files.move(temporary, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, destination, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (temporary != null) {
                if (!moved) {
                    Files.deleteIfExists(temporary);
                }
                InFlight.TEMPORARIES.remove(temporary);
            }
            if (!moved) {
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
     * A new, empty file next to the target, registered for removal should the JVM be stopped. Created
     * with the default mode, so the process umask applies as it does to any new file. Creation is
     * exclusive (O_EXCL), so a planted file or link is never written through: the name needs to be
     * unique, not secret, and a plain random number spares the start-up cost of a SecureRandom.
     */
    private static Path createTemporary(Path folder, String name) throws IOException {
        InFlight.install();
        for (int attempt = 0; ; attempt++) {
            String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFFFFFL);
            Path temporary = folder.resolve("." + name + "." + suffix + ".tmp");
            InFlight.TEMPORARIES.add(temporary);
            try {
                Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temporary;
            } catch (IOException e) {
                InFlight.TEMPORARIES.remove(temporary);
                if (!(e instanceof FileAlreadyExistsException) || attempt > 10) {
                    throw e;
                }
            }
        }
    }

    /** A replaced file keeps its permissions and, where this process may set them, its owner and group. */
    private static void keepAttributes(Path existing, Path replacement) throws IOException {
        if (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        PosixFileAttributeView from = Files.getFileAttributeView(existing, PosixFileAttributeView.class);
        PosixFileAttributeView to = Files.getFileAttributeView(replacement, PosixFileAttributeView.class);
        if (from == null || to == null) {
            return;
        }
        PosixFileAttributes old = from.readAttributes();
        to.setPermissions(old.permissions());
        try {
            if (!to.getOwner().equals(old.owner())) {
                to.setOwner(old.owner());
            }
            if (!to.readAttributes().group().equals(old.group())) {
                to.setGroup(old.group());
            }
        } catch (IOException | SecurityException notPermitted) {
            // Only a privileged process may give a file away; the file is then the writer's, as any new file is.
        }
    }

    /** Temporary files being written, removed by a shutdown hook should the JVM stop before they are renamed. */
    private static final class InFlight {
        static final Set<Path> TEMPORARIES = ConcurrentHashMap.newKeySet();
        private static volatile boolean installed;

        static void install() {
            if (installed) {
                return;
            }
            synchronized (InFlight.class) {
                if (!installed) {
                    Runtime.getRuntime().addShutdownHook(new Thread(InFlight::removeAll, "readback-plan-temporary-files"));
                    installed = true;
                }
            }
        }

        private static void removeAll() {
            for (Path temporary : TEMPORARIES) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // Nothing more can be done while the JVM stops.
                }
            }
        }
    }

    /** A stream that opens its file (for writing, truncated, as Python's open(..., "w")) when the first byte comes. */
    private static final class OpenOnFirstWrite extends OutputStream {
        private final Path file;
        private OutputStream out;

        OpenOnFirstWrite(Path file) {
            this.file = file;
        }

        private OutputStream out() throws IOException {
            if (out == null) {
                try {
                    out = Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                } catch (FileNotFoundException e) {
                    throw new NoSuchFileException(file.toString());
                }
            }
            return out;
        }

        @Override
        public void write(int b) throws IOException {
            out().write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out().write(bytes, offset, length);
        }

        @Override
        public void flush() throws IOException {
            if (out != null) {
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (out != null) {
                out.close();
            }
        }
    }
}
