package dev.readbackplan.internal.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large output is flushed to disk while it is written, on an executor beside the writing thread
 * (OutputFiles.ChannelOutput): the bytes are the same, a failed early flush is never lost (Linux
 * reports an fsync error once per file), the channel is never closed under a flush still running, a
 * flush no thread has started is done by the writing thread (never waited on), and without an
 * executor there is no early flush and no thread.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EarlySyncTest {
    private static final long STEP = 1 << 16;

    private static final ExecutorService POOL = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "early-sync-test");
        thread.setDaemon(true);
        return thread;
    });

    @TempDir
    Path temp;

    @AfterAll
    static void stopThePool() {
        POOL.shutdownNow();
    }

    @Test
    void aLargeOutputIsWrittenByteForByteAndLeavesNoFlushRunning() throws Exception {
        byte[] data = new byte[(int) (3 * syncStep() + 12_345)];
        new Random(16).nextBytes(data);
        Path target = temp.resolve("plan.json");
        Files.writeString(target, "old");
        OutputFiles.write(target, null, out -> {
            // Uneven pieces, as a writer's buffer hands them on.
            for (int at = 0; at < data.length; ) {
                int length = Math.min(data.length - at, 1 + at % 70_001);
                out.write(data, at, length);
                at += length;
            }
        }, ForkJoinPool.commonPool());
        assertArrayEquals(data, Files.readAllBytes(target));
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of(target), files.toList(), "no temporary file is left");
        }
    }

    @Test
    void aLargeWriteThatFailsHalfWayLeavesTheOldFileAndNoTemporary() throws Exception {
        Path target = temp.resolve("plan.json");
        Files.writeString(target, "the reviewers' plan");
        byte[] chunk = new byte[1 << 20];
        IOException thrown = assertThrows(IOException.class, () -> OutputFiles.write(target, null, out -> {
            for (int i = 0; i < 3 * syncStep() / chunk.length; i++) {
                out.write(chunk); // past two early flushes
            }
            throw new IOException("the content failed half-way");
        }, POOL));
        assertEquals(target + ": the content failed half-way", thrown.getMessage(), "named by the target, never the temporary file");
        assertEquals("the reviewers' plan", Files.readString(target));
        try (Stream<Path> files = Files.list(temp)) {
            assertEquals(List.of(target), files.toList(), "no temporary file is left");
        }
    }

    @Test
    void withoutAnExecutorALargeOutputStartsNoThreadAndIsFlushedOnce() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        Path target = temp.resolve("plan.json");
        byte[] data = new byte[(int) (2 * syncStep() + 1)];
        OutputFiles.write(target, out -> out.write(data));
        Set<Thread> started = new HashSet<>(Thread.getAllStackTraces().keySet());
        started.removeAll(before);
        assertEquals(Set.of(), started.stream().filter(Thread::isAlive).map(Thread::getName).collect(Collectors.toSet()));
        assertArrayEquals(data, Files.readAllBytes(target));
        FakeChannel channel = new FakeChannel();
        OutputFiles.ChannelOutput.writeDurably(channel, out -> out.write(new byte[(int) (4 * STEP)]), STEP, null);
        assertEquals(0, channel.earlyForces);
        assertEquals(1, channel.finalForces);
    }

    @Test
    void aFlushNoThreadHasStartedIsDoneByTheWritingThread() throws Exception {
        // The pool's only thread is busy until the write ends: waiting on the queued flush would never end.
        CountDownLatch writeEnded = new CountDownLatch(1);
        POOL.execute(() -> {
            try {
                writeEnded.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        FakeChannel channel = new FakeChannel();
        try {
            OutputFiles.ChannelOutput.writeDurably(channel, out -> {
                for (int i = 0; i < 5; i++) {
                    out.write(new byte[(int) STEP]);
                }
            }, STEP, POOL);
        } finally {
            writeEnded.countDown();
        }
        assertTrue(channel.earlyForces >= 1, "the queued flush was done by the writer: " + channel.earlyForces);
        assertEquals(1, channel.finalForces);
        assertEquals(Set.of(Thread.currentThread().getName()), channel.forcingThreads);
    }

    @Test
    void aDirectExecutorFlushesInTheWritingThread() throws IOException {
        FakeChannel channel = new FakeChannel();
        OutputFiles.ChannelOutput.writeDurably(channel, out -> out.write(new byte[(int) (3 * STEP)]), STEP, Runnable::run);
        assertEquals(1, channel.earlyForces, "one step written at once: one early flush");
        assertEquals(Set.of(Thread.currentThread().getName()), channel.forcingThreads);
    }

    @Test
    void everyStepStartsAFlushAndTheLastOneCoversTheRest() throws IOException {
        FakeChannel channel = new FakeChannel();
        OutputFiles.ChannelOutput.writeDurably(channel, out -> out.write(new byte[(int) (4 * STEP + 7)]), STEP, POOL);
        assertEquals(4 * STEP + 7, channel.bytes);
        assertTrue(channel.earlyForces >= 1, "a flush while writing: " + channel.earlyForces);
        assertTrue(channel.earlyForces <= 4, "at most one per step: " + channel.earlyForces);
        assertEquals(1, channel.finalForces, "the fsync with the metadata, once, at the end");
        assertFalse(channel.forceAfterClose);
    }

    @Test
    void aSmallOutputIsFlushedOnceAtTheEnd() throws IOException {
        FakeChannel channel = new FakeChannel();
        OutputFiles.ChannelOutput.writeDurably(channel, out -> out.write(new byte[(int) STEP - 1]), STEP, POOL);
        assertEquals(0, channel.earlyForces);
        assertEquals(1, channel.finalForces);
    }

    @Test
    void aFailedEarlyFlushFailsTheWrite() {
        FakeChannel channel = new FakeChannel();
        IOException failure = new IOException("Input/output error");
        channel.earlyFailure = failure;
        // The output is smaller than two steps: the failure is found only after the content is written.
        IOException thrown = assertThrows(IOException.class,
                () -> OutputFiles.ChannelOutput.writeDurably(channel, out -> out.write(new byte[(int) (STEP + 10)]), STEP, POOL));
        assertSame(failure, thrown);
        assertEquals(0, channel.finalForces, "no fsync that could report success after the lost error");
    }

    @Test
    void aFailedEarlyFlushStopsALongWriteAtTheNextStep() {
        // A flush that has ended by the next step stops the write there. (Run in the writing thread, so
        // that it has ended; on a pool it may not have, and the failure is then thrown at the end.)
        FakeChannel channel = new FakeChannel();
        IOException failure = new IOException("No space left on device");
        channel.earlyFailure = failure;
        List<Integer> written = new ArrayList<>();
        IOException thrown = assertThrows(IOException.class, () -> OutputFiles.ChannelOutput.writeDurably(channel, out -> {
            for (int i = 0; i < 100; i++) {
                out.write(new byte[(int) STEP]);
                written.add(i);
            }
        }, STEP, Runnable::run));
        assertSame(failure, thrown);
        assertEquals(1, written.size(), "the write stopped at the step after the failed flush");
        assertEquals(0, channel.finalForces);
    }

    @Test
    void theChannelIsNotLeftToCloseUnderARunningFlushWhenTheContentFails() throws Exception {
        FakeChannel channel = new FakeChannel();
        channel.release = new CountDownLatch(1);
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            channel.release.countDown();
        });
        releaser.start();
        assertThrows(IllegalStateException.class, () -> OutputFiles.ChannelOutput.writeDurably(channel, out -> {
            out.write(new byte[(int) (2 * STEP)]);
            out.flush();
            throw new IllegalStateException("the content failed half-way");
        }, STEP, POOL));
        // writeDurably returned: the flush it started has run and ended, so closing the channel now is safe.
        assertEquals(1, channel.earlyForces);
        assertEquals(0, channel.forcesRunning);
        channel.close();
        assertFalse(channel.forceAfterClose);
        releaser.join();
    }

    private static long syncStep() {
        return OutputFiles.ChannelOutput.SYNC_STEP;
    }

    /** A channel that counts what is written and flushed, and can fail or hold an early flush. */
    private static final class FakeChannel extends FileChannel {
        volatile long bytes;
        volatile int earlyForces;
        volatile int finalForces;
        volatile int forcesRunning;
        volatile boolean forceAfterClose;
        volatile IOException earlyFailure;
        volatile CountDownLatch release;
        final Set<String> forcingThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public int write(ByteBuffer src) {
            int n = src.remaining();
            src.position(src.limit());
            bytes += n;
            return n;
        }

        @Override
        public synchronized void force(boolean metaData) throws IOException {
            // synchronized: the early flush runs on its own thread, as FileChannelImpl allows.
            if (!isOpen()) {
                forceAfterClose = true;
                throw new java.nio.channels.ClosedChannelException();
            }
            if (metaData) {
                finalForces++;
                return;
            }
            forcingThreads.add(Thread.currentThread().getName());
            forcesRunning++;
            try {
                earlyForces++;
                CountDownLatch latch = release;
                if (latch != null) {
                    try {
                        latch.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (earlyFailure != null) {
                    throw earlyFailure;
                }
            } finally {
                forcesRunning--;
            }
        }

        @Override
        protected void implCloseChannel() {
            if (forcesRunning > 0) {
                forceAfterClose = true;
            }
        }

        @Override
        public int read(ByteBuffer dst) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() {
            return bytes;
        }

        @Override
        public FileChannel position(long newPosition) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long size() {
            return bytes;
        }

        @Override
        public FileChannel truncate(long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(ByteBuffer dst, long position) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int write(ByteBuffer src, long position) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) {
            throw new UnsupportedOperationException();
        }
    }
}
