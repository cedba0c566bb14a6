package dev.readbackplan.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.regex.RegularExpressions;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Build-time generator of the fast schema checks: reads every {@code *.schema.json} of a directory and
 * writes, per schema, a Java class that answers only "valid" or "not valid" for a Jackson tree, with
 * networknt's semantics where it accepts (see {@code FastCheck}). Run by Maven at generate-sources
 * through the JDK's single-file source launcher, with the project's compile classpath.
 *
 * <p>It knows exactly the keywords our schemas use. Any other keyword, or a known keyword with a value
 * it does not translate, fails the build: a schema edit must never silently weaken the fast check.
 *
 * <p>Usage: {@code ValidatorGenerator <schema directory> <output source directory> <package>}.
 */
public final class ValidatorGenerator {
    /** Keywords that never change whether a document is valid. */
    private static final Set<String> ANNOTATIONS = Set.of("title", "description", "default", "examples", "javaType", "$comment");
    private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    private static final Set<String> TYPES = Set.of("string", "null", "boolean", "object", "array", "integer", "number");
    /** Subschemas per method of the second level of {@code accepts}: small enough that C1 compiles a group cheaply. */
    private static final int GROUP = 16;

    /** One schema file: its name, parsed tree, class name, and the id of each of its subschemas by JSON Pointer. */
    private static final class SchemaFile {
        final String name;
        final URI id;
        final JsonNode root;
        final String className;
        final Map<String, Integer> ids = new LinkedHashMap<>();
        final Map<Integer, JsonNode> nodes = new LinkedHashMap<>();

        SchemaFile(String name, JsonNode root) {
            this.name = name;
            this.root = root;
            JsonNode id = root.get("$id");
            if (id == null || !id.isTextual()) {
                throw new GeneratorException(name + ": no $id");
            }
            this.id = URI.create(id.textValue());
            this.className = className(name);
        }
    }

    /** Refusal to generate: the message names the schema location and the reason. */
    static final class GeneratorException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GeneratorException(String message) {
            super(message);
        }
    }

    private final Map<String, SchemaFile> files = new TreeMap<>();
    /** The holder class of each pattern's automaton in the class being written: a pattern used twice shares one. */
    private final Map<String, String> automata = new LinkedHashMap<>();
    private final String packageName;

    private ValidatorGenerator(String packageName) {
        this.packageName = packageName;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: ValidatorGenerator <schema directory> <output source directory> <package>");
            System.exit(2);
        }
        try {
            generate(Path.of(args[0]), Path.of(args[1]), args[2]);
        } catch (GeneratorException e) {
            System.err.println("ValidatorGenerator: " + e.getMessage());
            System.exit(1);
        }
    }

    static void generate(Path schemaDirectory, Path outputDirectory, String packageName) throws IOException {
        ValidatorGenerator generator = new ValidatorGenerator(packageName);
        ObjectMapper mapper = new ObjectMapper();
        List<Path> schemas;
        try (Stream<Path> listing = Files.list(schemaDirectory)) {
            schemas = listing.filter(p -> p.getFileName().toString().endsWith(".schema.json")).sorted().toList();
        }
        if (schemas.isEmpty()) {
            throw new GeneratorException("no *.schema.json in " + schemaDirectory);
        }
        for (Path schema : schemas) {
            String name = schema.getFileName().toString();
            generator.files.put(name, new SchemaFile(name, mapper.readTree(schema.toFile())));
        }
        for (SchemaFile file : generator.files.values()) {
            generator.number(file, file.root, "", true);
        }
        Path packageDirectory = outputDirectory.resolve(packageName.replace('.', '/'));
        Files.createDirectories(packageDirectory);
        // Nothing stale survives a schema's removal or renaming.
        try (Stream<Path> old = Files.list(packageDirectory)) {
            for (Path path : old.toList()) {
                Files.delete(path);
            }
        }
        for (SchemaFile file : generator.files.values()) {
            Files.writeString(packageDirectory.resolve(file.className + ".java"), generator.source(file), StandardCharsets.UTF_8);
        }
        Files.writeString(packageDirectory.resolve("GeneratedChecks.java"), generator.registry(), StandardCharsets.UTF_8);
    }

    /** Gives every subschema an id, checking its keywords: unknown ones fail here. */
    private void number(SchemaFile file, JsonNode schema, String pointer, boolean root) {
        String where = file.name + "#" + pointer;
        if (!schema.isObject()) {
            throw new GeneratorException(where + ": a schema that is not an object is not generated");
        }
        file.ids.put(pointer, file.ids.size());
        file.nodes.put(file.ids.get(pointer), schema);
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> keyword = it.next();
            String key = keyword.getKey();
            JsonNode value = keyword.getValue();
            switch (key) {
                case "$schema" -> requireRoot(root, where, key, value.isTextual() && DIALECT.equals(value.textValue()));
                case "$id" -> requireRoot(root, where, key, value.isTextual());
                case "$defs" -> {
                    requireRoot(root, where, key, value.isObject());
                    value.properties().forEach(d -> number(file, d.getValue(), pointer + "/$defs/" + escape(d.getKey()), false));
                }
                case "properties" -> {
                    require(value.isObject(), where, key);
                    value.properties().forEach(p -> number(file, p.getValue(), pointer + "/properties/" + escape(p.getKey()), false));
                }
                case "items" -> number(file, value, pointer + "/items", false);
                case "type" -> {
                    List<String> types = types(value);
                    require(!types.isEmpty() && TYPES.containsAll(types), where, key);
                }
                case "required" -> {
                    require(value.isArray(), where, key);
                    value.forEach(r -> require(r.isTextual(), where, key));
                }
                case "additionalProperties" -> require(value.isBoolean() && !value.booleanValue(), where, key + " (only false is generated)");
                case "const" -> constCheck(value, where, true);
                case "enum" -> {
                    require(value.isArray() && !value.isEmpty(), where, key);
                    value.forEach(e -> require(e.isTextual(), where, key + " (only strings are generated)"));
                }
                case "format" -> require(value.isTextual() && "date-time".equals(value.textValue()), where, key + " (only date-time is generated)");
                case "pattern" -> {
                    require(value.isTextual(), where, key);
                    try {
                        Pattern.compile(dialectPattern(value.textValue()));
                    } catch (java.util.regex.PatternSyntaxException e) {
                        throw new GeneratorException(where + ": pattern does not compile: " + e.getDescription());
                    }
                }
                case "minLength", "maxLength", "minItems", "maxItems" -> require(value.isIntegralNumber() && value.canConvertToInt() && value.intValue() >= 0, where, key);
                case "minimum", "maximum" -> require(value.isNumber(), where, key);
                case "uniqueItems" -> require(value.isBoolean(), where, key);
                case "$ref" -> {
                    require(value.isTextual(), where, key);
                    target(file, value.textValue(), where);
                }
                default -> {
                    if (!ANNOTATIONS.contains(key)) {
                        throw new GeneratorException(where + ": unknown keyword \"" + key + "\"; teach the generator its networknt semantics first");
                    }
                }
            }
        }
    }

    private static void requireRoot(boolean root, String where, String key, boolean valid) {
        require(root, where, key + " (only at a schema's root)");
        require(valid, where, key);
    }

    private static void require(boolean valid, String where, String keyword) {
        if (!valid) {
            throw new GeneratorException(where + ": keyword \"" + keyword + "\" has a value the generator does not translate");
        }
    }

    /** Only what can be compared exactly as networknt compares: see {@link #constExpression}. */
    private static void constCheck(JsonNode value, String where, boolean top) {
        if (value.isNumber()) {
            require(top, where, "const (a number inside a const: networknt compares it by Jackson equality, not generated)");
        } else if (value.isArray()) {
            value.forEach(v -> constCheck(v, where, false));
        } else if (value.isObject()) {
            value.forEach(v -> constCheck(v, where, false));
        } else {
            require(value.isTextual() || value.isBoolean() || value.isNull(), where, "const");
        }
    }

    private static List<String> types(JsonNode type) {
        List<String> types = new ArrayList<>();
        if (type.isTextual()) {
            types.add(type.textValue());
        } else if (type.isArray()) {
            type.forEach(t -> types.add(t.isTextual() ? t.textValue() : "?"));
        }
        return types;
    }

    /** The schema file and subschema id a {@code $ref} of that file points to. */
    private Map.Entry<SchemaFile, String> target(SchemaFile from, String ref, String where) {
        URI resolved = from.id.resolve(ref);
        String fragment = resolved.getRawFragment() == null ? "" : java.net.URLDecoder.decode(resolved.getRawFragment(), StandardCharsets.UTF_8);
        String document = resolved.toString();
        int hash = document.indexOf('#');
        if (hash >= 0) {
            document = document.substring(0, hash);
        }
        for (SchemaFile file : files.values()) {
            if (file.id.toString().equals(document)) {
                if (!fragment.isEmpty() && !fragment.startsWith("/")) {
                    throw new GeneratorException(where + ": $ref " + ref + " is not a JSON Pointer");
                }
                if (file.root.at(fragment).isMissingNode()) {
                    throw new GeneratorException(where + ": $ref " + ref + " points to nothing");
                }
                return Map.entry(file, fragment);
            }
        }
        throw new GeneratorException(where + ": $ref " + ref + " is not one of the schemas");
    }

    /** networknt's pattern dialect, as it rewrites a pattern for java.util.regex (its JDK engine, our configuration). */
    /**
     * {@code regex} with each plain character class written out as the single characters it holds,
     * which the generated checks compile: java.util.regex tests a class of single characters below 256 with one look-up
     * in a bit set, and a class of ranges ({@code [A-Za-z0-9._-]}) through a chain of predicates, one
     * per range, which at the JIT's first tier took about 10% of a filled plan's review. The same
     * characters, so the same matches ({@code FastCheckPatternTest}, which calls this method: the
     * build's sources are compiled with the tests). A class is plain when it is not
     * negated and holds only printable ASCII characters and ranges of letters or digits ({@code \-}
     * for a hyphen); any other class is left as it is, and a pattern with inline flags or quoting
     * ({@code (?i)}, {@code \Q}) is kept as given.
     */
    public static String writtenOut(String regex) {
        if (regex.contains("\\Q") || regex.replace("(?:", "").contains("(?")) {
            return regex;
        }
        StringBuilder out = new StringBuilder(regex.length() * 2);
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                out.append(c).append(regex.charAt(i + 1));
                i += 2;
            } else if (c == '[') {
                int end = writeOutClass(regex, i, out);
                if (end < 0) {
                    return regex; // an unclosed or nested class: as given
                }
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * Writes the class that opens at {@code start} to {@code out}, as single characters when it is
     * plain, as it is otherwise; the index after the class, or -1 when its end cannot be found simply.
     */
    private static int writeOutClass(String regex, int start, StringBuilder out) {
        java.util.BitSet members = new java.util.BitSet(128);
        boolean plain = true;
        int i = start + 1;
        if (i < regex.length() && regex.charAt(i) == ']') {
            return -1;
        }
        if (i < regex.length() && regex.charAt(i) == '^') {
            plain = false;
        }
        int end = -1;
        for (int j = i; j < regex.length(); j++) {
            char c = regex.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '[') {
                return -1;
            } else if (c == ']' && j > i) {
                end = j;
                break;
            }
        }
        if (end < 0) {
            return -1;
        }
        while (plain && i < end) {
            char c = regex.charAt(i);
            if (c == '\\' && regex.charAt(i + 1) == '-') {
                members.set('-');
                i += 2;
            } else if (c == '\\' || c == '&' || c < 0x21 || c > 0x7e) {
                plain = false;
            } else if (i + 2 < end && regex.charAt(i + 1) == '-' && regex.charAt(i + 2) != '\\') {
                char last = regex.charAt(i + 2);
                boolean letters = Character.isLetterOrDigit(c) && Character.isLetterOrDigit(last) && last < 0x7f;
                if (!letters || last < c) {
                    plain = false;
                } else {
                    members.set(c, last + 1);
                    i += 3;
                }
            } else {
                members.set(c);
                i++;
            }
        }
        if (!plain || members.isEmpty()) {
            out.append(regex, start, end + 1);
        } else {
            out.append('[');
            for (int c = members.nextSetBit(0); c >= 0; c = members.nextSetBit(c + 1)) {
                if (!Character.isLetterOrDigit(c)) {
                    out.append('\\');
                }
                out.append((char) c);
            }
            out.append(']');
        }
        return end + 1;
    }

    private static String dialectPattern(String pattern) {
        return RegularExpressions.replaceLongformCharacterProperties(RegularExpressions.replaceDollarAnchors(pattern));
    }

    /** The regex the generated checks answer for a schema's pattern: networknt's dialect, plain classes written out. */
    public static String compiledPattern(String schemaPattern) {
        return writtenOut(dialectPattern(schemaPattern));
    }

    /**
     * A holder class per automaton: its tables are decoded when a string first meets the pattern, not
     * when the check class loads, so that a run that never checks that field never pays for them.
     */
    private static void automaton(String holder, String pattern, PatternDfa dfa, StringBuilder constants) {
        constants.append("    // ").append(comment(pattern)).append(", in networknt's dialect: an automaton built at build time\n");
        constants.append("    // (ValidatorGenerator.PatternDfa), ").append(dfa.states()).append(" states over ").append(dfa.width)
                .append(" character classes, answering as Pattern.find() would without the regex engine's cost at C1.\n");
        constants.append("    private static final class ").append(holder).append(" {\n");
        constants.append("        static final PatternAutomaton AUTOMATON = new PatternAutomaton(").append(literal(dfa.classesText()))
                .append(", ").append(dfa.width).append(", ").append(dfa.start).append(", ").append(dfa.firstAccepting);
        for (String chunk : dfa.tableChunks()) {
            constants.append(",\n                ").append(literal(chunk));
        }
        constants.append(");\n    }\n");
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    // ---------------------------------------------------------------- source

    private String source(SchemaFile file) {
        StringBuilder out = new StringBuilder();
        StringBuilder constants = new StringBuilder();
        StringBuilder methods = new StringBuilder();
        int[] counter = {0};
        automata.clear();
        for (Map.Entry<String, Integer> entry : file.ids.entrySet()) {
            method(file, entry.getKey(), entry.getValue(), methods, constants, counter);
        }
        out.append("// Generated by ValidatorGenerator from ").append(file.name).append(" at build time; do not edit.\n");
        out.append("package ").append(packageName).append(";\n\n");
        out.append("import com.fasterxml.jackson.databind.JsonNode;\n");
        if (constants.indexOf(" BigDecimal ") >= 0) {
            out.append("import java.math.BigDecimal;\n");
        }
        out.append("import java.util.Map;\n");
        if (constants.indexOf(" Pattern ") >= 0) {
            out.append("import java.util.regex.Pattern;\n");
        }
        out.append("\n");
        out.append("/** The fast check of ").append(file.name).append(": valid or not, never why (networknt explains). */\n");
        out.append("final class ").append(file.className).append(" implements FastCheck {\n");
        out.append(constants);
        out.append("\n    private final int id;\n\n");
        out.append("    private ").append(file.className).append("(int id) {\n        this.id = id;\n    }\n\n");
        out.append("    /** The check of the subschema at that JSON Pointer, or null when there is none. */\n");
        out.append("    static FastCheck at(String pointer) {\n        return switch (pointer) {\n");
        for (Map.Entry<String, Integer> entry : file.ids.entrySet()) {
            out.append("            case ").append(literal(entry.getKey())).append(" -> new ").append(file.className).append("(").append(entry.getValue()).append(");\n");
        }
        out.append("            default -> null;\n        };\n    }\n\n");
        // Two levels of dispatch: C1 inlines every small subschema method a switch calls, so one switch
        // over them all compiles into one large method (a third of C1's time in a 10,000-candidate run);
        // groups of GROUP compile only when they are hot, and cheaply.
        int groups = (file.ids.size() + GROUP - 1) / GROUP;
        out.append("    @Override\n    public boolean accepts(JsonNode n) {\n        return switch (id / ").append(GROUP).append(") {\n");
        for (int g = 0; g < groups; g++) {
            out.append("            case ").append(g).append(" -> g").append(g).append("(n);\n");
        }
        out.append("            default -> throw new IllegalStateException(\"no subschema \" + id);\n        };\n    }\n");
        for (int g = 0; g < groups; g++) {
            out.append("\n    private boolean g").append(g).append("(JsonNode n) {\n        return switch (id) {\n");
            for (int id = g * GROUP; id < Math.min(file.ids.size(), (g + 1) * GROUP); id++) {
                out.append("            case ").append(id).append(" -> s").append(id).append("(n);\n");
            }
            out.append("            default -> throw new IllegalStateException(\"no subschema \" + id);\n        };\n    }\n");
        }
        out.append(methods);
        out.append("}\n");
        return out.toString();
    }

    private void method(SchemaFile file, String pointer, int id, StringBuilder methods, StringBuilder constants, int[] counter) {
        JsonNode schema = file.nodes.get(id);
        StringBuilder body = new StringBuilder();
        JsonNode type = schema.get("type");
        if (type != null) {
            List<String> tests = new ArrayList<>();
            for (String t : types(type)) {
                tests.add(switch (t) {
                    case "string" -> "n.isTextual()";
                    case "null" -> "n.isNull()";
                    case "boolean" -> "n.isBoolean()";
                    case "object" -> "n.isObject()";
                    case "array" -> "n.isArray()";
                    case "number" -> "n.isNumber()";
                    // networknt's, from draft 6 on: an integral number, or any number with no fraction (5.0, 1e0).
                    case "integer" -> "n.isIntegralNumber() || n.isNumber() && n.canConvertToExactIntegral()";
                    default -> throw new GeneratorException("type " + t);
                });
            }
            body.append("        if (!(").append(String.join(" || ", tests)).append(")) {\n            return false;\n        }\n");
        }
        // Strings: lengths in code points, pattern by find() as networknt's JDK engine, the format.
        StringBuilder strings = new StringBuilder();
        if (schema.has("minLength") || schema.has("maxLength")) {
            strings.append("            int length = s.codePointCount(0, s.length());\n");
            if (schema.has("minLength")) {
                strings.append("            if (length < ").append(schema.get("minLength").intValue()).append(") {\n                return false;\n            }\n");
            }
            if (schema.has("maxLength")) {
                strings.append("            if (length > ").append(schema.get("maxLength").intValue()).append(") {\n                return false;\n            }\n");
            }
        }
        if (schema.has("pattern")) {
            String regex = compiledPattern(schema.get("pattern").textValue());
            PatternDfa dfa = PatternDfa.of(regex);
            if (dfa != null) {
                String holder = automata.get(regex);
                if (holder == null) {
                    holder = "Automaton" + counter[0]++;
                    automata.put(regex, holder);
                    automaton(holder, schema.get("pattern").textValue(), dfa, constants);
                }
                strings.append("            if (!").append(holder).append(".AUTOMATON.matches(s)) {\n                return false;\n            }\n");
            } else {
                String name = "PATTERN_" + counter[0]++;
                constants.append("    // ").append(comment(schema.get("pattern").textValue()))
                        .append(", in networknt's dialect, its plain character classes written out (writtenOut).\n");
                constants.append("    private static final Pattern ").append(name).append(" = Pattern.compile(")
                        .append(literal(regex)).append(");\n");
                strings.append("            if (!").append(name).append(".matcher(s).find()) {\n                return false;\n            }\n");
            }
        }
        if (schema.has("format")) {
            strings.append("            if (!Rfc3339DateTime.isValid(s)) {\n                return false;\n            }\n");
        }
        if (strings.length() > 0) {
            body.append("        if (n.isTextual()) {\n            String s = n.textValue();\n").append(strings).append("        }\n");
        }
        // Numbers: exact decimal comparison (an integer bound without a BigDecimal constant: see number()).
        StringBuilder numbers = new StringBuilder();
        for (String bound : List.of("minimum", "maximum")) {
            if (schema.has(bound)) {
                String comparison = number("n", schema.get(bound), bound.toUpperCase(java.util.Locale.ROOT), constants, counter);
                numbers.append("            if (").append(comparison).append(bound.equals("minimum") ? " < 0" : " > 0").append(") {\n                return false;\n            }\n");
            }
        }
        if (numbers.length() > 0) {
            body.append("        if (n.isNumber()) {\n").append(numbers).append("        }\n");
        }
        // Objects: required keys present (null counts as present), every member valid, no other key when closed.
        boolean closed = schema.has("additionalProperties");
        JsonNode properties = schema.path("properties");
        JsonNode required = schema.path("required");
        if (closed || properties.size() > 0 || required.size() > 0) {
            body.append("        if (n.isObject()) {\n");
            for (JsonNode key : required) {
                body.append("            if (!n.has(").append(literal(key.textValue())).append(")) {\n                return false;\n            }\n");
            }
            if (closed || properties.size() > 0) {
                body.append("            for (Map.Entry<String, JsonNode> member : n.properties()) {\n");
                body.append("                JsonNode v = member.getValue();\n");
                body.append("                boolean valid = switch (member.getKey()) {\n");
                for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
                    String key = it.next();
                    int target = file.ids.get(pointer + "/properties/" + escape(key));
                    body.append("                    case ").append(literal(key)).append(" -> s").append(target).append("(v);\n");
                }
                body.append("                    default -> ").append(closed ? "false" : "true").append(";\n");
                body.append("                };\n                if (!valid) {\n                    return false;\n                }\n            }\n");
            }
            body.append("        }\n");
        }
        // Arrays.
        StringBuilder arrays = new StringBuilder();
        if (schema.has("minItems")) {
            arrays.append("            if (n.size() < ").append(schema.get("minItems").intValue()).append(") {\n                return false;\n            }\n");
        }
        if (schema.has("maxItems")) {
            arrays.append("            if (n.size() > ").append(schema.get("maxItems").intValue()).append(") {\n                return false;\n            }\n");
        }
        if (schema.has("items")) {
            arrays.append("            for (JsonNode item : n) {\n                if (!s").append(file.ids.get(pointer + "/items")).append("(item)) {\n                    return false;\n                }\n            }\n");
        }
        if (schema.path("uniqueItems").asBoolean(false)) {
            arrays.append("            if (!FastCheck.distinctStrings(n)) {\n                return false;\n            }\n");
        }
        if (arrays.length() > 0) {
            body.append("        if (n.isArray()) {\n").append(arrays).append("        }\n");
        }
        if (schema.has("const")) {
            JsonNode value = schema.get("const");
            String expression;
            if (value.isNumber()) {
                // networknt compares two numbers by value (5 == 5.0), anything else by Jackson equality.
                expression = "n.isNumber() && " + number("n", value, "CONST", constants, counter) + " == 0";
            } else {
                expression = constExpression("n", value, methods, counter);
            }
            body.append("        if (!(").append(expression).append(")) {\n            return false;\n        }\n");
        }
        if (schema.has("enum")) {
            body.append("        if (!n.isTextual()) {\n            return false;\n        }\n");
            body.append("        switch (n.textValue()) {\n");
            Set<String> values = new java.util.LinkedHashSet<>();
            schema.get("enum").forEach(e -> values.add(e.textValue()));
            for (String e : values) {
                body.append("            case ").append(literal(e)).append(":\n");
            }
            body.append("                break;\n            default:\n                return false;\n        }\n");
        }
        if (schema.has("$ref")) {
            Map.Entry<SchemaFile, String> target = target(file, schema.get("$ref").textValue(), file.name + "#" + pointer);
            String call = (target.getKey() == file ? "" : target.getKey().className + ".") + "s" + target.getKey().ids.get(target.getValue());
            body.append("        if (!").append(call).append("(n)) {\n            return false;\n        }\n");
        }
        methods.append("\n    // ").append(comment(file.name + "#" + pointer)).append("\n");
        methods.append("    static boolean s").append(id).append("(JsonNode n) {\n").append(body).append("        return true;\n    }\n");
    }

    /**
     * An expression true exactly when {@code variable} equals the constant by Jackson equality, which is
     * networknt's for anything but two numbers; constants holding numbers are refused in {@link #constCheck}.
     * Arrays and objects get a method of their own.
     */
    private static String constExpression(String variable, JsonNode value, StringBuilder methods, int[] counter) {
        if (value.isTextual()) {
            return variable + ".isTextual() && " + literal(value.textValue()) + ".equals(" + variable + ".textValue())";
        }
        if (value.isBoolean()) {
            return variable + ".isBoolean() && " + (value.booleanValue() ? "" : "!") + variable + ".booleanValue()";
        }
        if (value.isNull()) {
            return variable + ".isNull()";
        }
        String name = "constant" + counter[0]++;
        StringBuilder body = new StringBuilder();
        if (value.isArray()) {
            body.append("        if (!n.isArray() || n.size() != ").append(value.size()).append(") {\n            return false;\n        }\n");
            for (int i = 0; i < value.size(); i++) {
                body.append("        if (!(").append(constExpression("n.get(" + i + ")", value.get(i), methods, counter)).append(")) {\n            return false;\n        }\n");
            }
        } else {
            body.append("        if (!n.isObject() || n.size() != ").append(value.size()).append(") {\n            return false;\n        }\n");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                String get = "n.path(" + literal(member.getKey()) + ")";
                body.append("        if (!(").append(constExpression(get, member.getValue(), methods, counter)).append(")) {\n            return false;\n        }\n");
            }
        }
        methods.append("\n    private static boolean ").append(name).append("(JsonNode n) {\n").append(body).append("        return true;\n    }\n");
        return name + "(" + variable + ")";
    }

    private String registry() {
        StringBuilder out = new StringBuilder();
        out.append("// Generated by ValidatorGenerator at build time; do not edit.\n");
        out.append("package ").append(packageName).append(";\n\n");
        out.append("/** The generated fast checks, by schema file name and JSON Pointer. */\n");
        out.append("final class GeneratedChecks {\n    private GeneratedChecks() {}\n\n");
        out.append("    /** The check of that subschema, or null when the generator saw no such schema or subschema. */\n");
        out.append("    static FastCheck at(String file, String pointer) {\n        return switch (file) {\n");
        for (SchemaFile file : files.values()) {
            out.append("            case ").append(literal(file.name)).append(" -> ").append(file.className).append(".at(pointer);\n");
        }
        out.append("            default -> null;\n        };\n    }\n}\n");
        return out.toString();
    }

    /** {@code monitoring-post-incident-readback-plan-v1.schema.json} -> {@code MonitoringPostIncidentReadbackPlanV1Check}. */
    private static String className(String fileName) {
        StringBuilder name = new StringBuilder();
        for (String part : fileName.substring(0, fileName.length() - ".schema.json".length()).split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name + "Check";
    }

    /** A Java string literal, ASCII only whatever the source encoding. */
    static String literal(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c < 0x7f) {
                out.append(c);
            } else if (c < 0x20) {
                // An octal escape: a Unicode escape of a line break would end the literal before lexing.
                out.append(String.format("\\%03o", (int) c));
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.append('"').toString();
    }

    /** Text safe inside a line comment: printable ASCII only (a Unicode escape of a line break would end it). */
    private static String comment(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f && c != '\\' ? c : '?');
        }
        return out.toString();
    }

    /**
     * An expression comparing the number {@code node} with {@code bound} exactly, as {@code compareTo}
     * does (negative, zero or positive). A bound that is an integer within a long is compared by
     * {@code FastCheck.compare}, without a {@code BigDecimal} constant: a constant would make loading the
     * check class initialise {@code BigDecimal}, whose static initialiser takes 10 to 20 ms on JDK 25 at
     * start-up (it computes 5^(2^16)) and would put that on the path of every schema's first check.
     * Any other bound is a {@code BigDecimal} constant.
     */
    private static String number(String node, JsonNode bound, String prefix, StringBuilder constants, int[] counter) {
        BigDecimal value = bound.decimalValue();
        try {
            long exact = value.longValueExact();
            return "FastCheck.compare(" + node + ", " + exact + "L)";
        } catch (ArithmeticException notALong) {
            String name = prefix + "_" + counter[0]++;
            constants.append("    private static final BigDecimal ").append(name).append(" = new BigDecimal(\"").append(value.toString()).append("\");\n");
            return node + ".decimalValue().compareTo(" + name + ")";
        }
    }

    // ---------------------------------------------------------------- patterns as automata

    /**
     * A schema pattern compiled to a deterministic automaton over ASCII, for the patterns the generated
     * checks can answer without java.util.regex: the CLI runs the checks at the JIT's first tier, where
     * {@code Matcher.find} for the evidence reference's pattern alone took 6.8% of a 10,000-candidate
     * review's CPU. The automaton answers exactly what {@code Pattern.compile(regex).matcher(s).find()}
     * answers, for any string ({@code PatternAutomatonTest} compares the two on seeded strings).
     *
     * <p>Only a small subset is translated, where that equality is plain to argue: a pattern {@code ^X\z}
     * (networknt's dialect writes {@code $} as {@code \z}), so that {@code find()} is "the whole string is
     * in X", with X made of printable ASCII literals and escaped punctuation, non-negated classes of
     * ASCII members and letter or digit ranges, groups, alternation and greedy quantifiers. Anything else
     * ({@code .}, {@code \d}, negated classes, lazy or possessive quantifiers, look-arounds, flags, other
     * anchors, non-ASCII) or an automaton beyond {@link #MAX_STATES} makes {@link #of} answer null, and the
     * check keeps its {@code Pattern}. Every character of X is ASCII, so any other character rejects.
     *
     * <p>Built as a Glushkov automaton (bounded repetitions written out), made deterministic by subset
     * construction over classes of equivalent ASCII characters, then minimised. States are numbered so
     * that the dead state is 0 and the accepting ones are the last: the generated code needs no more than
     * the transition table, the start and the first accepting state.
     */
    public static final class PatternDfa {
        /** Beyond this the table would cost more to load than the regex costs to run. */
        public static final int MAX_STATES = 20_000;
        /** Positions of the written-out expression: bounds the subset construction's work. */
        private static final int MAX_POSITIONS = 20_000;
        /** Bytes of modified UTF-8 in one string constant of a class file. */
        private static final int MAX_CONSTANT_BYTES = 65_535;

        /** The class of each ASCII character; 0 for those no part of the pattern takes (always dead). */
        private final char[] classOf;
        public final int width;
        /** {@code next[state * width + class]}; state 0 is dead. */
        private final char[] next;
        public final int start;
        public final int firstAccepting;

        private PatternDfa(char[] classOf, int width, char[] next, int start, int firstAccepting) {
            this.classOf = classOf;
            this.width = width;
            this.next = next;
            this.start = start;
            this.firstAccepting = firstAccepting;
        }

        /** {@return how many states, the dead one included} */
        public int states() {
            return next.length / width;
        }

        /** The automaton of {@code regex} (as the generator would compile it), or null when it is not translated. */
        public static PatternDfa of(String regex) {
            try {
                Node inner = anchoredBody(regex);
                return inner == null ? null : build(inner);
            } catch (Unsupported e) {
                return null;
            }
        }

        /** The classes as a string constant: one char per ASCII character. */
        public String classesText() {
            return new String(classOf);
        }

        /** The table as string constants, each within the class file's limit. */
        public List<String> tableChunks() {
            List<String> chunks = new ArrayList<>();
            int from = 0;
            int bytes = 0;
            for (int i = 0; i < next.length; i++) {
                char c = next[i];
                int size = c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
                if (bytes + size > MAX_CONSTANT_BYTES) {
                    chunks.add(new String(next, from, i - from));
                    from = i;
                    bytes = 0;
                }
                bytes += size;
            }
            chunks.add(new String(next, from, next.length - from));
            return chunks;
        }

        // ------------------------------------------------------------ the expression

        /** A pattern the automaton does not translate. */
        static final class Unsupported extends RuntimeException {
            private static final long serialVersionUID = 1L;

            Unsupported(String why) {
                super(why, null, false, false);
            }
        }

        /** The parsed expression: public so that the tests can walk it to make matching strings. */
        public sealed interface Node permits Chars, Seq, Alt, Repeat, Anchor {}

        /** One character of a set of ASCII characters. */
        public record Chars(java.util.BitSet set) implements Node {}

        public record Seq(List<Node> items) implements Node {}

        public record Alt(List<Node> options) implements Node {}

        /** {@code max} -1: unbounded. */
        public record Repeat(Node body, int min, int max) implements Node {}

        /** {@code ^} (start) or {@code \z}. */
        public record Anchor(boolean start) implements Node {}

        /** X of a pattern {@code ^X\z} in the subset; null for a pattern of another shape; Unsupported outside the subset. */
        public static Node anchoredBody(String regex) {
            Parser parser = new Parser(regex);
            Node root = parser.alternation();
            if (parser.at < regex.length()) {
                throw new Unsupported("unbalanced ) at " + parser.at);
            }
            if (!(root instanceof Seq seq) || seq.items().size() < 2
                    || !(seq.items().get(0) instanceof Anchor first) || !first.start()
                    || !(seq.items().get(seq.items().size() - 1) instanceof Anchor last) || last.start()) {
                return null;
            }
            Node inner = new Seq(seq.items().subList(1, seq.items().size() - 1));
            if (hasAnchor(inner)) {
                return null;
            }
            return inner;
        }

        private static boolean hasAnchor(Node node) {
            if (node instanceof Anchor) {
                return true;
            } else if (node instanceof Seq seq) {
                return seq.items().stream().anyMatch(PatternDfa::hasAnchor);
            } else if (node instanceof Alt alt) {
                return alt.options().stream().anyMatch(PatternDfa::hasAnchor);
            } else if (node instanceof Repeat repeat) {
                return hasAnchor(repeat.body());
            }
            return false;
        }

        /** Printable ASCII that is neither a letter, a digit nor a space: what a backslash makes literal. */
        private static boolean punctuation(char c) {
            return c > 0x20 && c < 0x7f && !Character.isLetterOrDigit(c);
        }

        private static boolean alphanumeric(char c) {
            return c < 0x80 && Character.isLetterOrDigit(c);
        }

        /** Recursive descent over java.util.regex's syntax, refusing whatever is outside the subset. */
        private static final class Parser {
            private final String p;
            int at;

            Parser(String p) {
                this.p = p;
            }

            Node alternation() {
                List<Node> options = new ArrayList<>();
                options.add(sequence());
                while (at < p.length() && p.charAt(at) == '|') {
                    at++;
                    options.add(sequence());
                }
                return options.size() == 1 ? options.get(0) : new Alt(options);
            }

            private Node sequence() {
                List<Node> items = new ArrayList<>();
                while (at < p.length() && p.charAt(at) != '|' && p.charAt(at) != ')') {
                    items.add(quantified(atom()));
                }
                return new Seq(items);
            }

            private Node atom() {
                char c = p.charAt(at);
                switch (c) {
                    case '(' -> {
                        at++;
                        if (p.startsWith("?:", at)) {
                            at += 2;
                        } else if (at < p.length() && p.charAt(at) == '?') {
                            throw new Unsupported("(? other than (?:");
                        }
                        Node inner = alternation();
                        if (at >= p.length() || p.charAt(at) != ')') {
                            throw new Unsupported("unclosed group");
                        }
                        at++;
                        return inner;
                    }
                    case '[' -> {
                        return characterClass();
                    }
                    case '\\' -> {
                        if (at + 1 >= p.length()) {
                            throw new Unsupported("trailing backslash");
                        }
                        char e = p.charAt(at + 1);
                        at += 2;
                        if (e == 'z') {
                            return new Anchor(false);
                        }
                        if (!punctuation(e)) {
                            throw new Unsupported("escape \\" + e);
                        }
                        return single(e);
                    }
                    case '^' -> {
                        at++;
                        return new Anchor(true);
                    }
                    default -> {
                        if (c < 0x20 || c > 0x7e || "$.?*+{}[]".indexOf(c) >= 0) {
                            throw new Unsupported("character " + (int) c);
                        }
                        at++;
                        return single(c);
                    }
                }
            }

            private static Chars single(char c) {
                java.util.BitSet set = new java.util.BitSet(128);
                set.set(c);
                return new Chars(set);
            }

            /** A non-negated class of ASCII members: escaped punctuation, plain printable characters, letter or digit ranges. */
            private Node characterClass() {
                at++;
                java.util.BitSet set = new java.util.BitSet(128);
                if (at < p.length() && (p.charAt(at) == '^' || p.charAt(at) == ']')) {
                    throw new Unsupported("negated or ]-first class");
                }
                while (true) {
                    if (at >= p.length()) {
                        throw new Unsupported("unclosed class");
                    }
                    char c = p.charAt(at);
                    if (c == ']') {
                        at++;
                        break;
                    }
                    if (c == '\\') {
                        if (at + 1 >= p.length() || !punctuation(p.charAt(at + 1))) {
                            throw new Unsupported("escape in a class");
                        }
                        set.set(p.charAt(at + 1));
                        at += 2;
                    } else if (alphanumeric(c) && at + 2 < p.length() && p.charAt(at + 1) == '-' && alphanumeric(p.charAt(at + 2))) {
                        char last = p.charAt(at + 2);
                        if (last < c) {
                            throw new Unsupported("reversed range");
                        }
                        set.set(c, last + 1);
                        at += 3;
                    } else if (c < 0x20 || c > 0x7e || "[]&-^\\".indexOf(c) >= 0) {
                        throw new Unsupported("class member " + (int) c);
                    } else {
                        set.set(c);
                        at++;
                    }
                }
                if (set.isEmpty()) {
                    throw new Unsupported("empty class");
                }
                return new Chars(set);
            }

            private Node quantified(Node atom) {
                if (at >= p.length()) {
                    return atom;
                }
                int min;
                int max;
                switch (p.charAt(at)) {
                    case '?' -> {
                        min = 0;
                        max = 1;
                        at++;
                    }
                    case '*' -> {
                        min = 0;
                        max = -1;
                        at++;
                    }
                    case '+' -> {
                        min = 1;
                        max = -1;
                        at++;
                    }
                    case '{' -> {
                        at++;
                        min = number();
                        if (at < p.length() && p.charAt(at) == ',') {
                            at++;
                            max = at < p.length() && p.charAt(at) == '}' ? -1 : number();
                        } else {
                            max = min;
                        }
                        if (at >= p.length() || p.charAt(at) != '}') {
                            throw new Unsupported("unclosed counter");
                        }
                        at++;
                    }
                    default -> {
                        return atom;
                    }
                }
                if (atom instanceof Anchor) {
                    throw new Unsupported("quantified anchor");
                }
                if (at < p.length() && "?+*{".indexOf(p.charAt(at)) >= 0) {
                    throw new Unsupported("lazy, possessive or repeated quantifier");
                }
                if (max >= 0 && max < min) {
                    throw new Unsupported("counter");
                }
                return new Repeat(atom, min, max);
            }

            private int number() {
                int from = at;
                while (at < p.length() && p.charAt(at) >= '0' && p.charAt(at) <= '9' && at - from < 6) {
                    at++;
                }
                if (at == from || at < p.length() && p.charAt(at) >= '0' && p.charAt(at) <= '9') {
                    throw new Unsupported("counter");
                }
                return Integer.parseInt(p.substring(from, at));
            }
        }

        // ------------------------------------------------------------ Glushkov, subsets, minimisation

        /** First and last positions of a subexpression, and whether it matches the empty string. */
        private record Info(java.util.BitSet first, java.util.BitSet last, boolean nullable) {}

        private static final class Glushkov {
            final List<java.util.BitSet> chars = new ArrayList<>();
            final List<java.util.BitSet> follow = new ArrayList<>();

            Glushkov() {
                position(null); // 0: before the first character
            }

            private int position(java.util.BitSet set) {
                if (chars.size() > MAX_POSITIONS) {
                    throw new Unsupported("too many positions");
                }
                chars.add(set);
                follow.add(new java.util.BitSet());
                return chars.size() - 1;
            }

            Info build(Node node) {
                if (node instanceof Chars c) {
                    java.util.BitSet at = new java.util.BitSet();
                    at.set(position(c.set()));
                    return new Info(at, (java.util.BitSet) at.clone(), false);
                } else if (node instanceof Seq seq) {
                    Info info = empty();
                    for (Node item : seq.items()) {
                        info = concat(info, build(item));
                    }
                    return info;
                } else if (node instanceof Alt alt) {
                    java.util.BitSet first = new java.util.BitSet();
                    java.util.BitSet last = new java.util.BitSet();
                    boolean nullable = false;
                    for (Node option : alt.options()) {
                        Info info = build(option);
                        first.or(info.first());
                        last.or(info.last());
                        nullable |= info.nullable();
                    }
                    return new Info(first, last, nullable);
                } else if (node instanceof Repeat repeat) {
                    Info info = empty();
                    for (int k = 0; k < repeat.min(); k++) {
                        info = concat(info, build(repeat.body()));
                    }
                    if (repeat.max() < 0) {
                        Info star = build(repeat.body());
                        star.last().stream().forEach(p -> follow.get(p).or(star.first()));
                        return concat(info, new Info(star.first(), star.last(), true));
                    }
                    // X{0,k} as (X(X(X)?)?)?: the same words as X?X?X? with fewer edges.
                    Info optional = null;
                    for (int k = repeat.min(); k < repeat.max(); k++) {
                        Info once = build(repeat.body());
                        Info inner = optional == null ? once : concat(once, optional);
                        optional = new Info(inner.first(), inner.last(), true);
                    }
                    return optional == null ? info : concat(info, optional);
                }
                throw new Unsupported("anchor inside");
            }

            private static Info empty() {
                return new Info(new java.util.BitSet(), new java.util.BitSet(), true);
            }

            private Info concat(Info a, Info b) {
                a.last().stream().forEach(p -> follow.get(p).or(b.first()));
                java.util.BitSet first = (java.util.BitSet) a.first().clone();
                if (a.nullable()) {
                    first.or(b.first());
                }
                java.util.BitSet last = (java.util.BitSet) b.last().clone();
                if (b.nullable()) {
                    last.or(a.last());
                }
                return new Info(first, last, a.nullable() && b.nullable());
            }
        }

        private static PatternDfa build(Node inner) {
            Glushkov g = new Glushkov();
            Info root = g.build(inner);
            g.follow.get(0).or(root.first());
            java.util.BitSet accepting = (java.util.BitSet) root.last().clone();
            if (root.nullable()) {
                accepting.set(0);
            }
            // Classes: ASCII characters that belong to the same sets of the pattern are equivalent.
            List<java.util.BitSet> sets = new ArrayList<>(new java.util.LinkedHashSet<>(g.chars.subList(1, g.chars.size())));
            char[] classOf = new char[128];
            Map<String, Integer> signatures = new LinkedHashMap<>();
            List<Character> representative = new ArrayList<>();
            representative.add(null);
            for (char c = 0; c < 128; c++) {
                StringBuilder signature = new StringBuilder();
                for (int s = 0; s < sets.size(); s++) {
                    if (sets.get(s).get(c)) {
                        signature.append(s).append(',');
                    }
                }
                if (signature.length() > 0) {
                    final char member = c;
                    classOf[c] = (char) (int) signatures.computeIfAbsent(signature.toString(), k -> {
                        representative.add(member);
                        return representative.size() - 1;
                    });
                }
            }
            int width = representative.size();
            List<java.util.BitSet> byClass = new ArrayList<>();
            byClass.add(new java.util.BitSet());
            for (int k = 1; k < width; k++) {
                java.util.BitSet positions = new java.util.BitSet();
                for (int p = 1; p < g.chars.size(); p++) {
                    if (g.chars.get(p).get(representative.get(k))) {
                        positions.set(p);
                    }
                }
                byClass.add(positions);
            }
            // Subset construction; subset 0 is the empty set (dead), 1 the start.
            List<java.util.BitSet> subsets = new ArrayList<>();
            Map<java.util.BitSet, Integer> ids = new java.util.HashMap<>();
            List<int[]> moves = new ArrayList<>();
            java.util.BitSet dead = new java.util.BitSet();
            java.util.BitSet initial = new java.util.BitSet();
            initial.set(0);
            for (java.util.BitSet s : List.of(dead, initial)) {
                ids.put(s, subsets.size());
                subsets.add(s);
            }
            for (int i = 0; i < subsets.size(); i++) {
                java.util.BitSet reachable = new java.util.BitSet();
                subsets.get(i).stream().forEach(p -> reachable.or(g.follow.get(p)));
                int[] row = new int[width];
                for (int k = 1; k < width; k++) {
                    java.util.BitSet target = (java.util.BitSet) reachable.clone();
                    target.and(byClass.get(k));
                    Integer id = ids.get(target);
                    if (id == null) {
                        if (subsets.size() >= MAX_STATES) {
                            throw new Unsupported("more than " + MAX_STATES + " states");
                        }
                        id = subsets.size();
                        ids.put(target, id);
                        subsets.add(target);
                    }
                    row[k] = id;
                }
                moves.add(row);
            }
            int n = subsets.size();
            boolean[] accepts = new boolean[n];
            for (int i = 0; i < n; i++) {
                accepts[i] = subsets.get(i).intersects(accepting);
            }
            // Moore's refinement: states with the same block and the same blocks after each class merge.
            int[] block = new int[n];
            int blocks = 0;
            for (int i = 0; i < n; i++) {
                block[i] = accepts[i] ? 1 : 0;
            }
            while (true) {
                Map<String, Integer> keys = new java.util.HashMap<>();
                int[] refined = new int[n];
                char[] key = new char[width + 1];
                for (int i = 0; i < n; i++) {
                    key[0] = (char) block[i];
                    for (int k = 0; k < width; k++) {
                        key[k + 1] = (char) block[moves.get(i)[k]];
                    }
                    refined[i] = keys.computeIfAbsent(new String(key), x -> keys.size());
                }
                block = refined;
                if (keys.size() == blocks) {
                    break;
                }
                blocks = keys.size();
            }
            // Numbering: the dead block 0, then the others in order of discovery, accepting ones last.
            int[] number = new int[blocks];
            java.util.Arrays.fill(number, -1);
            int[] representativeState = new int[blocks];
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (number[block[i]] == -1) {
                    number[block[i]] = 0;
                    representativeState[block[i]] = i;
                    order.add(block[i]);
                }
            }
            int next = 0;
            number[block[0]] = next++;
            for (int b : order) {
                if (b != block[0] && !accepts[representativeState[b]]) {
                    number[b] = next++;
                }
            }
            int firstAccepting = next;
            for (int b : order) {
                if (b != block[0] && accepts[representativeState[b]]) {
                    number[b] = next++;
                }
            }
            if (accepts[0]) {
                throw new IllegalStateException("the empty set accepts");
            }
            char[] table = new char[blocks * width];
            for (int b : order) {
                int[] row = moves.get(representativeState[b]);
                for (int k = 0; k < width; k++) {
                    table[number[b] * width + k] = (char) number[block[row[k]]];
                }
            }
            return new PatternDfa(classOf, width, table, number[block[1]], firstAccepting);
        }
    }
}
