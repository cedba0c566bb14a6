package dev.readbackplan.internal.io;

import dev.readbackplan.document.FileChangedException;
import dev.readbackplan.internal.concurrent.Offload;
import java.io.BufferedOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
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
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;

/**
 * Writes an output file the way a careful tool does.
 *
 * <ul>
 *   <li>A regular file (or a new one, or a symbolic link to either) is replaced atomically: the bytes
 *       go to a temporary file beside the real target, which then replaces it in one rename, so readers
 *       see the old content or the whole new content, never a part. On any failure the temporary file
 *       is removed, folders this write created are removed, and the target is untouched; an application
 *       whose shutdown hook calls {@link #removeTemporaryFiles()} (the command line does) leaves none
 *       behind when stopped by SIGTERM or Ctrl-C either (SIGKILL cannot be handled).
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
        write(target, null, content);
    }

    /**
     * Writes {@code target} as {@link #write(Path, Content)} does, once it still holds what {@code
     * expected} says (checked just before the rename; null for no check).
     *
     * @throws FileChangedException when the target no longer holds the expected bytes; nothing was written
     */
    public static void write(Path target, Expected expected, Content content) throws IOException {
        write(target, expected, content, null);
    }

    /**
     * Writes {@code target} as {@link #write(Path, Expected, Content)} does, a large output flushed to
     * disk while it is written, on {@code earlyFlushes} (null for none).
     */
    public static void write(Path target, Expected expected, Content content, @Nullable Executor earlyFlushes) throws IOException {
        try (Transaction transaction = new Transaction(earlyFlushes)) {
            transaction.stage(target, expected, content);
            transaction.commit();
        }
    }

    /**
     * What a file must still hold when an output replaces it: what it held when the run read it, or
     * nothing at all. Checked just before the rename, cheapest first: the file's identity (inode),
     * size and modification time, then a checksum of its bytes (CRC-32 and CRC-32C, 64 bits: both
     * run as processor instructions, so a 100 MB plan costs about 15 ms where SHA-256 costs over a
     * second in the launcher's first JIT tier), then the attributes again: an edit saved while the
     * checksum's reading goes (it takes about 35 ms for a 100 MB plan), to bytes already read, changes
     * the modification time. A file another program replaced, rewrote or touched is seen by its
     * attributes; the checksum catches a rewrite that kept them.
     */
    public static final class Expected {
        /** The file must not exist (it did not when the run looked). */
        public static final Expected ABSENT = new Expected(null, -1, null, null, 0L);

        /** The real file (links resolved), null for {@link #ABSENT}. */
        private final Path file;
        private final long size;
        private final Object fileKey;
        private final FileTime modified;
        /** The checksum of the bytes, or null until the reading that takes it ends (see {@link #unread}). */
        private Long checksum;
        private boolean readingOpened;

        private Expected(Path file, long size, Object fileKey, FileTime modified, Long checksum) {
            this.file = file;
            this.size = size;
            this.fileKey = fileKey;
            this.modified = modified;
            this.checksum = checksum;
        }

        /**
         * What {@code file} holds now, or {@link #ABSENT}; null for a file that is not a regular file
         * (a device or FIFO is written into, never replaced, and cannot be read twice). Take it before
         * the run reads the file: should the file change in between, the run is refused, never wrong.
         */
        public static Expected current(Path file) throws IOException {
            Expected expected = unread(file);
            if (expected != null) {
                expected.takeChecksum();
            }
            return expected;
        }

        /**
         * {@link #current}, without reading the file yet: the attributes are taken now, the checksum by
         * the run's own reading of the file through {@link #reading} (or by {@link #takeChecksum}), so a
         * run that reads the file anyway reads it once instead of twice. The bytes checksummed are then
         * the bytes the run decided on; a change after the attributes were taken changes them (the
         * modification time) or the bytes read, and is refused either way. Such an expectation belongs
         * to the run that reads the file: it is not to be shared between threads before its checksum
         * is taken.
         */
        public static Expected unread(Path file) throws IOException {
            Path absolute = file.toAbsolutePath();
            if (!Files.exists(absolute)) {
                return ABSENT;
            }
            if (isSpecial(absolute)) {
                return null;
            }
            Path real = realTarget(absolute);
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
            return new Expected(real, attributes.size(), attributes.fileKey(), attributes.lastModifiedTime(), null);
        }

        /** Whether the checksum has been taken (by {@link #current}, a {@link #reading} closed, or {@link #takeChecksum}). */
        public boolean hasChecksum() {
            return checksum != null;
        }

        /** Reads the file whole for the checksum, unless it has been taken. */
        public void takeChecksum() throws IOException {
            if (checksum == null) {
                reading().close(); // closing reads it all
            }
        }

        /**
         * The file's bytes, for the run to read once: closing the stream reads whatever the run left
         * unread and takes the checksum of all the bytes read (once; a second reading is refused).
         */
        public InputStream reading() throws IOException {
            if (this == ABSENT || checksum != null || readingOpened) {
                throw new IllegalStateException("the checksum of " + file + " is taken already");
            }
            readingOpened = true;
            return new ChecksumReading(Files.newInputStream(file));
        }

        boolean matches(Path real) throws IOException {
            if (this != ABSENT && checksum == null) {
                // A commit checked against an expectation whose bytes were never read would check nothing.
                throw new IllegalStateException("the checksum of " + real + " was never taken");
            }
            if (!sameAttributes(real)) {
                return false;
            }
            return this == ABSENT || checksum(real) == checksum && sameAttributes(real);
        }

        /** Whether {@code real} is (still) absent, or the same file by its inode, size and modification time. */
        private boolean sameAttributes(Path real) throws IOException {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(real, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                return this == ABSENT;
            }
            return this != ABSENT && attributes.isRegularFile() && attributes.size() == size
                    && Objects.equals(attributes.fileKey(), fileKey) && attributes.lastModifiedTime().equals(modified);
        }

        private static long checksum(Path file) throws IOException {
            Checksum sum = new Checksum();
            try (InputStream in = Files.newInputStream(file)) {
                sum.updateWithRest(in, () -> {
                    Hook hook = duringCheck;
                    if (hook != null) {
                        hook.run(file);
                    }
                });
            }
            return sum.value();
        }

        /**
         * CRC-32 and CRC-32C (two polynomials) of the same bytes, as one 64-bit value. Both run as the
         * processor's CRC instructions in the JIT's first tier (14 ms each for 100 MB, about the time of
         * reading it), where Adler-32 runs in zlib at a third of that speed.
         */
        private static final class Checksum {
            private final CRC32 crc = new CRC32();
            private final CRC32C crcC = new CRC32C();

            void update(byte[] bytes, int offset, int length) {
                crc.update(bytes, offset, length);
                crcC.update(bytes, offset, length);
            }

            /** Adds what is left of {@code in} (not closed). */
            void updateWithRest(InputStream in) throws IOException {
                updateWithRest(in, () -> { });
            }

            /** Adds what is left of {@code in} (not closed), running {@code afterFirstBlock} once the first block is added. */
            void updateWithRest(InputStream in, FirstBlock afterFirstBlock) throws IOException {
                byte[] buffer = new byte[BUFFER];
                for (int n, blocks = 0; (n = in.read(buffer)) > 0; blocks++) {
                    update(buffer, 0, n);
                    if (blocks == 0) {
                        afterFirstBlock.added();
                    }
                }
            }

            /** What runs once the first block is added (a test's edit, saved while the check reads). */
            @FunctionalInterface
            interface FirstBlock {
                void added() throws IOException;
            }

            long value() {
                return crc.getValue() << 32 | crcC.getValue();
            }
        }

        /** A file's bytes, checksummed as they are read; closing reads the rest and sets the checksum. */
        private final class ChecksumReading extends InputStream {
            private final InputStream in;
            private final Checksum sum = new Checksum();
            private boolean closed;

            ChecksumReading(InputStream in) {
                this.in = in;
            }

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                int n = in.read(bytes, offset, length);
                if (n > 0) {
                    sum.update(bytes, offset, n);
                }
                return n;
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                try (in) {
                    sum.updateWithRest(in);
                }
                checksum = sum.value();
            }
        }
    }

    /**
     * Several outputs written all or nothing: {@link #stage} writes each one to a temporary file beside
     * its target (fully written and flushed to disk), {@link #commit} then checks every expectation and
     * renames them all into place. Until the commit nothing a user sees has changed; a failure while
     * staging or checking leaves every target untouched, and {@link #close} removes what was staged and
     * not committed. Special files (devices, FIFOs, standard output) cannot be staged: they are written
     * into at the commit, before the renames, so a refused or failed write to one renames nothing.
     * Messages name the targets as given, never a temporary file.
     */
    public static final class Transaction implements AutoCloseable {
        private final List<Staged> staged = new ArrayList<>();
        private final @Nullable Executor earlyFlushes;
        private boolean committed;

        /** A transaction whose outputs are flushed to disk once each, when written. */
        public Transaction() {
            this(null);
        }

        /**
         * A transaction whose large outputs are flushed to disk while they are written, on {@code
         * earlyFlushes} beside the writing thread (see {@link ChannelOutput}).
         *
         * @param earlyFlushes the executor, or null for no early flush
         */
        public Transaction(@Nullable Executor earlyFlushes) {
            this.earlyFlushes = earlyFlushes;
        }

        /**
         * Stages one output.
         *
         * @param target the file, as the user named it
         * @param expected what the target must still hold at the commit, or null for no check
         * @param content what to write
         * @throws IOException when the output cannot be prepared, named by {@code target}
         */
        public void stage(Path target, Expected expected, Content content) throws IOException {
            if (committed) {
                throw new IllegalStateException("already committed");
            }
            Path absolute = target.toAbsolutePath();
            Staged output;
            try {
                if (isSpecial(absolute)) {
                    output = new Staged(target, absolute, null, null, null, expected, content);
                } else {
                    Path real = realTarget(absolute);
                    for (Staged other : staged) {
                        if (other.real != null && other.real.equals(real)) {
                            throw new FileSystemException(target.toString(), null, "is already an output of this run");
                        }
                    }
                    output = prepare(target, real, expected, content, earlyFlushes);
                }
            } catch (IOException e) {
                throw named(e, target, absolute.getParent() == null ? null : realTargetQuietly(absolute));
            }
            staged.add(output);
        }

        /**
         * Writes the special outputs, checks that every target still holds what it was expected to,
         * then renames every staged file into place.
         *
         * @throws FileChangedException when a target changed; nothing was renamed
         * @throws IOException when a special output cannot be written or a rename fails
         */
        public void commit() throws IOException {
            if (committed) {
                throw new IllegalStateException("already committed");
            }
            committed = true;
            for (Staged output : staged) {
                if (output.temporary == null) {
                    try (OutputStream out = new BufferedOutputStream(new OpenOnFirstWrite(output.absolute), BUFFER)) {
                        output.content.writeTo(out);
                    } catch (IOException e) {
                        throw named(e, output.target, null);
                    }
                }
            }
            Hook hook = beforeCheck;
            if (hook != null) {
                for (Staged output : staged) {
                    hook.run(output.target);
                }
            }
            for (Staged output : staged) {
                if (output.temporary != null && output.expected != null && !output.expected.matches(output.real)) {
                    throw new FileChangedException(output.target.toString());
                }
            }
            for (Staged output : staged) {
                if (output.temporary == null) {
                    continue;
                }
                try {
                    try {
                        Files.move(output.temporary, output.real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    } catch (AtomicMoveNotSupportedException e) {
                        Files.move(output.temporary, output.real, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw named(e, output.target, output.real);
                }
                output.moved = true;
                InFlight.TEMPORARIES.remove(output.temporary);
                syncFolder(output.real.getParent());
            }
        }

        /** Removes every temporary file not renamed, and the folders staging created for them. */
        @Override
        public void close() {
            for (int i = staged.size() - 1; i >= 0; i--) {
                staged.get(i).abandon();
            }
        }

        private static Staged prepare(Path target, Path destination, Expected expected, Content content, @Nullable Executor earlyFlushes)
                throws IOException {
            Path folder = destination.getParent();
            Path firstCreated = firstMissing(folder);
            Files.createDirectories(folder);
            Staged output = new Staged(target, target.toAbsolutePath(), destination, null, firstCreated, expected, content);
            boolean prepared = false;
            try {
                try {
                    output.temporary = createTemporary(folder, destination.getFileName().toString());
                } catch (IOException e) {
                    throw named(e, target, destination);
                }
                try (FileChannel channel = FileChannel.open(output.temporary, StandardOpenOption.WRITE)) {
                    ChannelOutput.writeDurably(channel, content, ChannelOutput.SYNC_STEP, earlyFlushes);
                } catch (IOException e) {
                    throw named(e, target, destination);
                }
                keepAttributes(destination, output.temporary);
                prepared = true;
                return output;
            } finally {
                if (!prepared) {
                    output.abandon();
                }
            }
        }
    }

    /** A test's view of a commit: called with each target just before the targets are checked and renamed. */
    @FunctionalInterface
    interface Hook {
        void run(Path target) throws IOException;
    }

    /** For tests: runs just before a commit checks its expectations (a concurrent edit lands there). */
    static volatile Hook beforeCheck;

    /** For tests: runs once the check before a commit has read the first block of a target (an edit saved while it reads). */
    static volatile Hook duringCheck;

    /** One staged output: its temporary file (null for a special file written at the commit). */
    private static final class Staged {
        final Path target;
        final Path absolute;
        final Path real;
        Path temporary;
        final Path firstCreated;
        final Expected expected;
        final Content content;
        boolean moved;

        Staged(Path target, Path absolute, Path real, Path temporary, Path firstCreated, Expected expected, Content content) {
            this.target = target;
            this.absolute = absolute;
            this.real = real;
            this.temporary = temporary;
            this.firstCreated = firstCreated;
            this.expected = expected;
            this.content = content;
        }

        void abandon() {
            if (real == null || moved) {
                return;
            }
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // Left for the shutdown hook.
                }
                InFlight.TEMPORARIES.remove(temporary);
                temporary = null;
            }
            removeCreated(real.getParent(), firstCreated);
        }
    }

    /**
     * The failure as the user should read it: named by the target they gave, never by a temporary
     * file, and never without a file ({@code No space left on device} says which output).
     */
    static IOException named(IOException e, Path target, Path destination) {
        if (e instanceof FileChangedException) {
            return e;
        }
        String shown = target.toString();
        if (e instanceof FileSystemException fs && fs.getFile() != null && !isTemporary(fs.getFile(), destination)
                && !fs.getFile().equals(target.toAbsolutePath().toString()) && !fs.getFile().equals(String.valueOf(destination))) {
            return e; // another file (a folder on the way): named as it is
        }
        if (e instanceof FileSystemException fs && fs.getFile() != null && fs.getFile().equals(shown)) {
            return e;
        }
        IOException renamed;
        if (e instanceof AccessDeniedException) {
            renamed = new AccessDeniedException(shown);
        } else if (e instanceof NoSuchFileException) {
            renamed = new NoSuchFileException(shown);
        } else if (e instanceof FileSystemException fs) {
            renamed = new FileSystemException(shown, null, fs.getReason() != null ? fs.getReason() : "cannot be written");
        } else {
            renamed = new FileSystemException(shown, null, e.getMessage() != null ? e.getMessage() : "cannot be written");
        }
        renamed.initCause(e);
        return renamed;
    }

    /** Whether {@code file} is one of the temporary files made beside {@code destination}. */
    private static boolean isTemporary(String file, Path destination) {
        if (destination == null) {
            return false;
        }
        Path path = Path.of(file);
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        String prefix = "." + destination.getFileName() + ".";
        return Objects.equals(path.getParent(), destination.getParent()) && name.startsWith(prefix) && name.endsWith(".tmp");
    }

    private static Path realTargetQuietly(Path absolute) {
        try {
            return realTarget(absolute);
        } catch (IOException e) {
            return absolute;
        }
    }

    /** Makes a rename durable: the folder's entry is flushed too, where the platform allows it. */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // Not every platform can open a folder; the rename itself is done.
        }
    }

    /**
     * An output stream onto a channel that leaves it open (for the fsync) when closed. Given an
     * executor, a large output has its data flushed to disk while the rest is still being produced:
     * each {@link #SYNC_STEP} bytes written offer a {@code force} to the executor (one at a time), so
     * that the fsync before the rename waits only for the last stretch. A planner made without one
     * (no thread) flushes in the writing thread; without an executor ({@code Outputs}) the output is
     * flushed once, at the end. A failure of an early flush is kept and thrown by {@link
     * #throwEarlySyncFailure}: on Linux an error that one fsync reported is not reported again to the
     * next one on the same file, so ignoring it could lose data silently.
     */
    static final class ChannelOutput extends OutputStream {
        /** Bytes between two early flushes; below it an output is flushed once, at the end. */
        static final long SYNC_STEP = 8L << 20;

        private final FileChannel channel;
        private final long syncStep;
        private final @Nullable Executor executor;
        private long written;
        private long nextSync;
        private Offload<Void> sync;
        private IOException syncFailure;

        ChannelOutput(FileChannel channel, long syncStep, @Nullable Executor executor) {
            this.channel = channel;
            this.syncStep = syncStep;
            this.executor = executor;
            this.nextSync = syncStep;
        }

        /**
         * Writes {@code content} to {@code channel} and flushes it to disk, early flushes included when
         * {@code executor} is given (see the class comment); the channel is left open, with no flush of it
         * still running. Here rather than in OutputFiles, whose loading (a read-only command's shutdown
         * hook loads it) would then load this class too, for the verifier, outside the launcher's cache
         * on JDK 17.
         *
         * @param executor runs the early flushes beside the writing (a flush no thread of it has started
         *     when the next is due, or at the end, is done by the writing thread); null for none
         */
        static void writeDurably(FileChannel channel, Content content, long syncStep, @Nullable Executor executor) throws IOException {
            ChannelOutput written = new ChannelOutput(channel, syncStep, executor);
            try (OutputStream out = new BufferedOutputStream(written, BUFFER)) {
                content.writeTo(out);
            } finally {
                written.awaitEarlySync(); // before the caller closes the channel, whatever happened
            }
            written.throwEarlySyncFailure();
            channel.force(true);
        }

        /**
         * Ends the early flush offered last, if any, before the channel is closed, on every path: waits
         * for a thread running it, or runs it here when no thread has started it.
         */
        void awaitEarlySync() {
            if (sync == null) {
                return;
            }
            try {
                sync.join();
            } catch (UncheckedIOException e) {
                if (syncFailure == null) {
                    syncFailure = e.getCause();
                }
            }
            sync = null;
        }

        /** Throws the failure of an early flush, if one failed (after {@link #awaitEarlySync}). */
        void throwEarlySyncFailure() throws IOException {
            if (syncFailure != null) {
                throw syncFailure;
            }
        }

        private void maybeSync() throws IOException {
            if (executor == null || written < nextSync || sync != null && !sync.isDone()) {
                return;
            }
            awaitEarlySync();
            throwEarlySyncFailure();
            nextSync = written + syncStep;
            sync = Offload.offer(executor, () -> {
                try {
                    channel.force(false);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            });
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            written += length;
            maybeSync();
        }
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

    /**
     * Removes the temporary files of outputs being written and not yet renamed into place, for an
     * application's shutdown hook (the command line installs one; a library installs none): a JVM stopped by
     * SIGTERM or Ctrl-C then leaves none behind. Targets are never touched.
     */
    public static void removeTemporaryFiles() {
        InFlight.removeAll();
    }

    /** Temporary files being written, so that an application's shutdown hook can remove them should the JVM stop before they are renamed. */
    private static final class InFlight {
        static final Set<Path> TEMPORARIES = ConcurrentHashMap.newKeySet();

        static void removeAll() {
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
