package dev.readbackplan.internal.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.readbackplan.internal.concurrent.Candidates;
import dev.readbackplan.internal.concurrent.Offload;
import dev.readbackplan.internal.json.PythonJsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;

/**
 * The items of a plan's candidate list, each with the separator before it, in order.
 *
 * <p>A long list is rendered a range of candidates at a time beside the writing: the next few ranges
 * are offered to the executor while the calling thread writes the rendered ones to the output (which,
 * for a plan replacing a file, also compares them with it), and renders a range itself when no thread
 * has started it ({@link Offload}). A writer keeps no state between values but its buffer, so a range
 * rendered on its own is the same bytes as in one pass: {@code CandidateListTest} compares both ways.
 * A few ranges are in memory at a time, in buffers used again from range to range, never the plan.
 */
final class CandidateList {
    /** Candidates per range: about 1 MB of plan. */
    static final int RANGE = 40;
    /** Ranges rendered ahead of the one being written. */
    private static final int AHEAD = 4;

    private final CandidateRenderer renderer;
    private final List<JsonNode> sources;
    private final Executor executor;
    private final ConcurrentLinkedQueue<RangeBuffer> free = new ConcurrentLinkedQueue<>();

    CandidateList(CandidateRenderer renderer, List<JsonNode> sources, Executor executor) {
        this.renderer = renderer;
        this.sources = sources;
        this.executor = executor;
    }

    /** Writes every item: {@link #writeInOneRun} for a short list, range by range beside the writing for a long one. */
    void write(PythonJsonWriter writer) throws IOException {
        if (sources.size() < Candidates.PARALLEL_THRESHOLD) {
            writeInOneRun(writer);
            return;
        }
        int ranges = (sources.size() + RANGE - 1) / RANGE;
        ArrayDeque<Offload<RangeBuffer>> ahead = new ArrayDeque<>();
        int offered = 0;
        for (int range = 0; range < ranges; range++) {
            while (offered < ranges && ahead.size() <= AHEAD) {
                int from = offered++ * RANGE;
                ahead.add(Offload.offer(executor, () -> render(from, Math.min(sources.size(), from + RANGE))));
            }
            RangeBuffer rendered;
            try {
                rendered = ahead.remove().join();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            writer.writeRaw(rendered.bytes(), 0, rendered.size());
            free.add(rendered);
        }
    }

    /** The plain way: every item in turn, in the calling thread. */
    void writeInOneRun(PythonJsonWriter writer) throws IOException {
        writeItems(writer, 0, sources.size());
    }

    /** The items {@code from} to {@code to} (exclusive), each with the separator before it. */
    private void writeItems(PythonJsonWriter writer, int from, int to) throws IOException {
        for (int i = from; i < to; i++) {
            writer.element(1, i == 0);
            renderer.write(writer, sources.get(i));
        }
    }

    /** The items {@code from} to {@code to} (exclusive), rendered into a buffer. */
    private RangeBuffer render(int from, int to) {
        RangeBuffer buffer = free.poll();
        if (buffer == null) {
            buffer = new RangeBuffer();
        }
        buffer.reset();
        try {
            writeItems(buffer.writer, from, to);
            buffer.writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer;
    }

    /** A growable buffer and the writer that fills it, used again for range after range. */
    private static final class RangeBuffer extends ByteArrayOutputStream {
        final PythonJsonWriter writer = new PythonJsonWriter(this);

        RangeBuffer() {
            super(1 << 20);
        }

        /** The buffer itself, valid up to {@link #size()}: no copy. */
        byte[] bytes() {
            return buf;
        }
    }
}
