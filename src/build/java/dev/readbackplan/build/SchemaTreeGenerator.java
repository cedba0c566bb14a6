package dev.readbackplan.build;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Build-time generator of the packaged schemas' trees as code: reads every {@code *.schema.json} of a
 * directory and writes one class, {@code GeneratedSchemaTrees}, whose {@code tree(name)} builds the
 * tree of that schema node by node, equal to the tree the strict reader parses from the packaged file
 * (same node types, same member order). A one-off run then derives the plan template and the rest of
 * what it needs from the schemas without parsing their JSON text: parsing the 70 KB of the three
 * schemas was the largest step on one-candidate generation's critical path. The schemas stay the only
 * source: this code is derived from them at every build, and a test compares the two trees.
 *
 * <p>Run by Maven at generate-sources through the JDK's single-file source launcher, with the
 * project's compile classpath (Jackson to read the schemas). A value it cannot write exactly (a
 * fraction, an integer beyond a {@code long}) fails the build.
 *
 * <p>Usage: {@code SchemaTreeGenerator <schema directory> <output source directory> <package>}.
 */
public final class SchemaTreeGenerator {
    /** A container with more nodes than this below it gets a method of its own (keeps methods small). */
    private static final int INLINE_NODES = 120;

    private final StringBuilder methods = new StringBuilder();
    private int methodCount;

    private SchemaTreeGenerator() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: SchemaTreeGenerator <schema directory> <output source directory> <package>");
            System.exit(2);
        }
        try {
            generate(Path.of(args[0]), Path.of(args[1]), args[2]);
        } catch (IllegalStateException e) {
            System.err.println("SchemaTreeGenerator: " + e.getMessage());
            System.exit(1);
        }
    }

    static void generate(Path schemaDirectory, Path outputDirectory, String packageName) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
        Map<String, JsonNode> schemas = new TreeMap<>();
        try (Stream<Path> listing = Files.list(schemaDirectory)) {
            for (Path schema : listing.filter(p -> p.getFileName().toString().endsWith(".schema.json")).sorted().toList()) {
                schemas.put(schema.getFileName().toString(), mapper.readTree(schema.toFile()));
            }
        }
        if (schemas.isEmpty()) {
            throw new IllegalStateException("no *.schema.json in " + schemaDirectory);
        }
        SchemaTreeGenerator generator = new SchemaTreeGenerator();
        StringBuilder cases = new StringBuilder();
        for (Map.Entry<String, JsonNode> schema : schemas.entrySet()) {
            String method = generator.method(schema.getValue(), schema.getKey());
            cases.append("            case ").append(literal(schema.getKey())).append(" -> ").append(method).append("();\n");
        }
        Path packageDirectory = outputDirectory.resolve(packageName.replace('.', '/'));
        Files.createDirectories(packageDirectory);
        String source = "package " + packageName + ";\n\n"
                + "import com.fasterxml.jackson.databind.JsonNode;\n"
                + "import com.fasterxml.jackson.databind.node.ArrayNode;\n"
                + "import com.fasterxml.jackson.databind.node.ObjectNode;\n\n"
                + "/**\n"
                + " * The packaged schemas' trees, built node by node: generated at build time from schemas/ by\n"
                + " * SchemaTreeGenerator (src/build/java). Do not edit.\n"
                + " */\n"
                + "final class GeneratedSchemaTrees {\n"
                + "    private static final SchemaNodes N = SchemaNodes.INSTANCE;\n\n"
                + "    private GeneratedSchemaTrees() {}\n\n"
                + "    /** A new tree of the packaged schema of that file name, or null for a name that is not one. */\n"
                + "    static @org.jspecify.annotations.Nullable ObjectNode tree(String name) {\n"
                + "        return switch (name) {\n"
                + cases
                + "            default -> null;\n"
                + "        };\n"
                + "    }\n\n"
                + "    private static ObjectNode o(Object... keysAndValues) {\n"
                + "        ObjectNode object = N.objectNode();\n"
                + "        for (int i = 0; i < keysAndValues.length; i += 2) {\n"
                + "            object.set((String) keysAndValues[i], (JsonNode) keysAndValues[i + 1]);\n"
                + "        }\n"
                + "        return object;\n"
                + "    }\n\n"
                + "    private static ArrayNode a(JsonNode... items) {\n"
                + "        ArrayNode array = N.arrayNode(items.length);\n"
                + "        for (JsonNode item : items) {\n"
                + "            array.add(item);\n"
                + "        }\n"
                + "        return array;\n"
                + "    }\n\n"
                + "    private static JsonNode t(String text) {\n"
                + "        return N.textNode(text);\n"
                + "    }\n"
                + generator.methods
                + "}\n";
        Files.writeString(packageDirectory.resolve("GeneratedSchemaTrees.java"), source, StandardCharsets.UTF_8);
    }

    /** Writes a method that returns a new tree of {@code node}; returns its name. */
    private String method(JsonNode node, String where) {
        String name = "n" + methodCount++;
        String type = node.isObject() ? "ObjectNode" : "ArrayNode";
        String body = expression(node, where, true);
        methods.append("\n    /** ").append(where.replace("*/", "*\\/").replace("\\u", "\\\\u")).append(" */\n");
        methods.append("    private static ").append(type).append(' ').append(name).append("() {\n");
        methods.append("        return ").append(body).append(";\n    }\n");
        return name;
    }

    /** A Java expression that builds a new tree of {@code node}. */
    private String expression(JsonNode node, String where, boolean inline) {
        if (node.isContainerNode() && !inline && count(node) > INLINE_NODES) {
            return method(node, where) + "()";
        }
        if (node.isObject()) {
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                parts.add(literal(member.getKey()));
                parts.add(expression(member.getValue(), where + "/" + member.getKey(), false));
            }
            return "o(" + String.join(", ", parts) + ")";
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                parts.add(expression(node.get(i), where + "/" + i, false));
            }
            return "a(" + String.join(", ", parts) + ")";
        }
        if (node.isTextual()) {
            return "t(" + literal(node.textValue()) + ")";
        }
        if (node.isBoolean()) {
            return "N.booleanNode(" + node.booleanValue() + ")";
        }
        if (node.isNull()) {
            return "N.nullNode()";
        }
        if (node.isInt()) {
            return "N.numberNode(" + node.intValue() + ")";
        }
        if (node.isLong()) {
            return "N.numberNode(" + node.longValue() + "L)";
        }
        throw new IllegalStateException(where + ": a " + node.getNodeType() + " (" + node.getClass().getSimpleName()
                + ") this generator does not write; extend it and its test");
    }

    private static int count(JsonNode node) {
        int count = 1;
        for (JsonNode child : node) {
            count += count(child);
        }
        return count;
    }

    /** A Java string literal: printable ASCII only, every other character escaped. */
    static String literal(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else if (c < 0x20) {
                // Octal, not \\u: javac turns unicode escapes into characters before it reads literals.
                out.append(String.format("\\%03o", (int) c));
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append('"').toString();
    }
}
