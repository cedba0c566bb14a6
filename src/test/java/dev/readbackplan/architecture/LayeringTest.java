package dev.readbackplan.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layers of the code, read from the compiled classes by {@code jdeps} (what {@code jdeps
 * -verbose:class target/classes} shows): no cycle between packages, every dependency pointing down
 * the stack below, and the command line using the public API only.
 */
class LayeringTest {
    private static final String ROOT = "dev.readbackplan";

    /**
     * Bottom to top; a package may depend on packages of its own layer or below only (and, within a
     * layer, without a cycle).
     */
    static final List<List<String>> LAYERS = List.of(
            List.of("model", "internal.secret"),        // the generated model; the secret rule table (pure functions of strings)
            List.of("internal.text"),                   // JSON Pointers and escaping
            List.of("document"),                        // the public values: kinds, limits, problems, reports, exceptions
            List.of("internal.json"),                   // strict reading, byte-exact writing, findings and their locations
            List.of("text", "internal.concurrent", "internal.io", "internal.scan"),
            List.of("internal.schema"),                 // compiled schemas, the plan template, the evidence-field vocabulary
            List.of("internal.plan"),                   // generation, regeneration, comparison
            List.of("internal.review"),                 // review rules and the reviewer
            List.of("internal.render"),                 // text, JSON, SARIF and Markdown renderers
            List.of(""),                                // the facade: ReadbackPlanner and the results it returns
            List.of("cli"));                            // the command line

    /** What the command line may use: the exported API. */
    static final Set<String> CLI_MAY_USE = Set.of("", "document", "text", "model", "cli");

    private static Map<String, Set<String>> edges;
    private static Map<String, String> examples;

    @BeforeAll
    static void readDependencies(@TempDir Path copy) throws IOException {
        // jdeps reads a folder with a module-info as a module and then wants every required module: copy the classes only.
        Path classes = Path.of("target", "classes");
        try (Stream<Path> files = Files.walk(classes.resolve("dev"))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(classes.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (file.toString().endsWith(".class")) {
                    Files.copy(file, target);
                }
            }
        }
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("this JDK has no jdeps"));
        StringWriter out = new StringWriter();
        int code = jdeps.run(new PrintWriter(out), new PrintWriter(out), "-verbose:class", "-filter:none", copy.toString());
        assertEquals(0, code, out::toString);
        edges = new TreeMap<>();
        examples = new HashMap<>();
        for (String line : out.toString().split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 3 && parts[1].equals("->") && parts[0].startsWith(ROOT + ".") && parts[2].startsWith(ROOT + ".")) {
                String from = packageOf(parts[0]);
                String to = packageOf(parts[2]);
                if (!from.equals(to)) {
                    edges.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                    examples.putIfAbsent(from + " -> " + to, simple(parts[0]) + " -> " + simple(parts[2]));
                }
            }
        }
        assertTrue(edges.size() > 5, () -> "jdeps found almost no dependencies; its output:\n" + out);
    }

    private static String packageOf(String className) {
        String name = className.substring(0, className.lastIndexOf('.'));
        return name.equals(ROOT) ? "" : name.substring(ROOT.length() + 1);
    }

    private static String simple(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    @Test
    void noCycleBetweenPackages() {
        List<List<String>> cycles = cycles(edges);
        assertEquals(List.of(), cycles, () -> "package cycles; edges inside them: " + edgesWithin(cycles));
    }

    @Test
    void everyDependencyPointsDown() {
        Map<String, Integer> layerOf = new HashMap<>();
        for (int i = 0; i < LAYERS.size(); i++) {
            for (String p : LAYERS.get(i)) {
                layerOf.put(p, i);
            }
        }
        List<String> upward = new ArrayList<>();
        edges.forEach((from, tos) -> {
            assertTrue(layerOf.containsKey(from), () -> "package " + shown(from) + " is in no layer: add it to LAYERS");
            for (String to : tos) {
                assertTrue(layerOf.containsKey(to), () -> "package " + shown(to) + " is in no layer: add it to LAYERS");
                if (layerOf.get(to) > layerOf.get(from)) {
                    upward.add(examples.get(from + " -> " + to) + " (" + shown(from) + " -> " + shown(to) + ")");
                }
            }
        });
        assertEquals(List.of(), upward, "dependencies that point up the layers");
    }

    @Test
    void theCommandLineUsesThePublicApiOnly() {
        List<String> internal = edges.getOrDefault("cli", Set.of()).stream().filter(to -> !CLI_MAY_USE.contains(to))
                .map(to -> examples.get("cli -> " + to)).toList();
        assertEquals(List.of(), internal, "the command line reaches past the public API");
    }

    /** The detector itself: a cycle it cannot see would make the tests above pass on anything. */
    @Test
    void theCycleFinderFindsCycles() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a", "d"), "d", Set.of());
        List<List<String>> found = cycles(graph);
        assertEquals(1, found.size());
        assertEquals(Set.of("a", "b", "c"), Set.copyOf(found.get(0)));
        assertFalse(cycles(Map.of("a", Set.of("b"), "b", Set.of())).iterator().hasNext());
    }

    /** The strongly connected components with more than one package (Tarjan's algorithm). */
    static List<List<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new java.util.HashSet<>();
        List<List<String>> components = new ArrayList<>();
        for (String start : new TreeSet<>(graph.keySet())) {
            if (!index.containsKey(start)) {
                connect(start, graph, index, low, stack, onStack, components);
            }
        }
        return components;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index, Map<String, Integer> low,
            Deque<String> stack, Set<String> onStack, List<List<String>> components) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, components);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                components.add(component);
            }
        }
    }

    private static List<String> edgesWithin(List<List<String>> cycles) {
        List<String> within = new ArrayList<>();
        for (List<String> cycle : cycles) {
            edges.forEach((from, tos) -> tos.stream().filter(to -> cycle.contains(from) && cycle.contains(to))
                    .forEach(to -> within.add(examples.get(from + " -> " + to))));
        }
        return within;
    }

    private static String shown(String pkg) {
        return pkg.isEmpty() ? ROOT : ROOT + "." + pkg;
    }
}
