package dev.readbackplan.internal.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.readbackplan.internal.json.PythonJsonWriter;
import dev.readbackplan.internal.schema.Engine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The candidate list rendered range by range beside the writing (CandidateList.write) against the
 * plain way, every item in turn in one writer: the same bytes, for lists around the size where the
 * ranges start and around the range's length, with seeded candidates (escapes, surrogate pairs, long
 * strings), after prefixes that leave the writer's buffer at different fill levels, and on every kind
 * of executor. A failure while rendering a range reaches the caller.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CandidateListTest {
    private static Engine engine;
    private static CandidateRenderer renderer;
    private static ExecutorService single;
    private static ExecutorService slow;

    @BeforeAll
    static void setUp() throws IOException {
        engine = new Engine(ForkJoinPool.commonPool());
        renderer = new CandidateRenderer(engine.template(), 2);
        single = Executors.newSingleThreadExecutor();
        // Starts each range late, so that the writing thread renders most of them itself.
        slow = Executors.newSingleThreadExecutor();
    }

    @AfterAll
    static void tearDown() {
        single.shutdownNow();
        slow.shutdownNow();
    }

    private static Map<String, Executor> executors() {
        Map<String, Executor> executors = new LinkedHashMap<>();
        executors.put("common pool", ForkJoinPool.commonPool());
        executors.put("one thread", single);
        executors.put("the caller", Runnable::run);
        executors.put("rejecting", task -> {
            throw new RejectedExecutionException("full");
        });
        executors.put("late", task -> slow.execute(() -> {
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            task.run();
        }));
        return executors;
    }

    private static List<JsonNode> sources(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        List<JsonNode> sources = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            sources.add(CandidateRendererTest.source(random, i));
        }
        return sources;
    }

    private static byte[] written(CandidateList list, boolean inOneRun, String prefix) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PythonJsonWriter writer = new PythonJsonWriter(out);
        writer.writeAscii(prefix);
        if (inOneRun) {
            list.writeInOneRun(writer);
        } else {
            list.write(writer);
        }
        writer.writeAscii("]");
        writer.flush();
        return out.toByteArray();
    }

    @Test
    void theRangesAreTheBytesOfOneRun() throws IOException {
        int range = CandidateList.RANGE;
        int threshold = dev.readbackplan.internal.concurrent.Candidates.PARALLEL_THRESHOLD;
        int[] sizes = {0, 1, threshold - 1, threshold, threshold + 1, range * 13, range * 13 + 1, range * 13 - 1, 1000};
        long seed = 16;
        for (int size : sizes) {
            List<JsonNode> sources = sources(seed++, size);
            String prefix = "[".repeat((int) (seed % 5)) + "x".repeat((int) (seed * 7919 % 65_536));
            byte[] plain = written(new CandidateList(renderer, sources, Runnable::run), true, prefix);
            for (Map.Entry<String, Executor> executor : executors().entrySet()) {
                byte[] ranged = written(new CandidateList(renderer, sources, executor.getValue()), false, prefix);
                assertArrayEquals(plain, ranged, size + " candidates, executor " + executor.getKey());
            }
        }
    }

    @Test
    void aFailureWhileRenderingReachesTheCaller() {
        List<JsonNode> whole = sources(99, 600);
        for (Map.Entry<String, Executor> executor : executors().entrySet()) {
            for (int broken : new int[] {0, 333, 599}) {
                List<JsonNode> sources = new ArrayList<>(whole);
                sources.set(broken, null);
                CandidateList list = new CandidateList(renderer, sources, executor.getValue());
                assertThrows(NullPointerException.class, () -> written(list, false, ""),
                        "candidate " + broken + ", executor " + executor.getKey());
            }
        }
    }
}
