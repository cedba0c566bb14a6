package dev.readbackplan.internal.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.readbackplan.internal.secret.SecretScanner;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A rerunnable throughput harness for {@link SecretScanner}, not a test (Surefire does not pick it up):
 * it scans every string, keys included, of {@code src/test/resources/golden/}{@code *}{@code /snapshot.json}
 * and {@code plan.json}, 200 times per run, and prints the median of the runs. Run it from the project
 * directory after {@code mvn -B -q test-compile}:
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) dev.readbackplan.internal.scan.ScanBench [runs]</pre>
 *
 * (with {@code mvn -q dependency:build-classpath -Dmdep.outputFile=cp.txt}). To compare two versions of
 * the scanner, compile the other version into its own folder (a {@code git worktree} of its commit and
 * {@code mvn -q -o compile} there), copy this class's {@code .class} file into a third folder, and
 * alternate runs with {@code <version>/target/classes:<bench folder>:$(cat cp.txt)} as the class path,
 * five pairs or more; compare the medians (the CPU figure is steadier on a shared machine). Run the
 * pairs again with {@code -XX:TieredStopAtLevel=1} for the start-up cost: the first pass.
 */
public final class ScanBench {

    private ScanBench() {}

    public static void main(String[] args) throws IOException {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        List<String> strings = strings(Path.of("src/test/resources/golden"));
        String[] all = strings.toArray(String[]::new);
        long[] times = new long[runs];
        // The machine may be shared: the thread's CPU time is reported too, less disturbed by other work.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[runs];
        int found = 0;
        // The first call pays class loading and any lazy compilation: report it apart.
        long first = System.nanoTime();
        for (String s : all) {
            found += SecretScanner.scan(s) == null ? 0 : 1;
        }
        long firstPass = System.nanoTime() - first;
        for (int r = 0; r < runs; r++) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            for (int k = 0; k < 200; k++) {
                for (String s : all) {
                    found += SecretScanner.scan(s) == null ? 0 : 1;
                }
            }
            times[r] = System.nanoTime() - start;
            cpu[r] = threads.getCurrentThreadCpuTime() - startCpu;
        }
        Arrays.sort(times);
        Arrays.sort(cpu);
        System.out.printf("strings=%d first-pass=%.1f ms median of %d runs (200 passes each)=%.1f ms (cpu %.1f ms)"
                + " findings=%d%n", all.length, firstPass / 1e6, runs, times[runs / 2] / 1e6, cpu[runs / 2] / 1e6, found);
    }

    static List<String> strings(Path golden) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<String> strings = new ArrayList<>();
        try (Stream<Path> cases = Files.list(golden)) {
            for (Path dir : cases.sorted().toList()) {
                for (String name : List.of("snapshot.json", "plan.json")) {
                    Path file = dir.resolve(name);
                    if (Files.exists(file)) {
                        collect(mapper.readTree(file.toFile()), strings);
                    }
                }
            }
        }
        return strings;
    }

    private static void collect(JsonNode node, List<String> strings) {
        if (node.isTextual()) {
            strings.add(node.textValue());
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                strings.add(member.getKey());
                collect(member.getValue(), strings);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, strings);
            }
        }
    }
}
