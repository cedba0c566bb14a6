package dev.readbackplan.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.readbackplan.PlanOptions;
import dev.readbackplan.ReadbackPlanner;
import dev.readbackplan.document.GenerationResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Snapshot bytes to validated plan bytes, in process, next to the floor: a bare Jackson read of the
 * snapshot and a Jackson write of the (already built) plan, with no validation and no building.
 *
 * <p>Run: {@code mvn -B -q -Pbenchmarks test-compile exec:exec@jmh} (options for JMH in {@code
 * -Djmh.args="..."}, e.g. {@code -Djmh.args="-p candidates=10000 -f 1"}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class GenerationBenchmark {
    private static final PlanOptions OPTIONS = new PlanOptions("2026-01-01T00:00:00+08:00", "unknown");

    @Param({"1", "100", "10000"})
    int candidates;

    private byte[] snapshot;
    private JsonNode plan;
    private final ReadbackPlanner planner = ReadbackPlanner.create();
    private final ObjectMapper mapper = new ObjectMapper();

    @Setup
    public void setUp() throws IOException {
        snapshot = SyntheticSnapshot.of(candidates, 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        planner.generate(new ByteArrayInputStream(snapshot), "snapshot.json", OPTIONS, out);
        plan = mapper.readTree(out.toByteArray());
    }

    /** Read, validate the snapshot, build and validate the plan, write its bytes. */
    @Benchmark
    public GenerationResult validatedPlan() throws IOException {
        return planner.generate(new ByteArrayInputStream(snapshot), "snapshot.json", OPTIONS, OutputStream.nullOutputStream());
    }

    /** The floor: parse the snapshot and serialize the plan, and nothing else. */
    @Benchmark
    public void jacksonFloor(Blackhole blackhole) throws IOException {
        blackhole.consume(mapper.readTree(snapshot));
        mapper.writerWithDefaultPrettyPrinter().writeValue(OutputStream.nullOutputStream(), plan);
    }
}
