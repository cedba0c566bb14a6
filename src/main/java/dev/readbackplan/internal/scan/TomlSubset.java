package dev.readbackplan.internal.scan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader of the part of TOML 1.0 that gitleaks configurations use: comments; {@code [table]} and
 * {@code [[array.of.tables]]} headers with dotted bare or quoted keys; {@code key = value} with bare,
 * quoted or dotted keys; basic and literal strings, single- and multi-line; integers, floats and
 * booleans; arrays (nested, over several lines, trailing comma); inline tables. Dates and times are
 * refused (gitleaks has no use for them). Tables are {@code LinkedHashMap<String, Object>}, arrays
 * {@code ArrayList<Object>}; each table records the line of its header under {@link #LINE}.
 *
 * <p>Hand-written rather than a TOML library: a small, bounded grammar, errors that name the line,
 * and no new bundled dependency (the CLI jar, the SBOM and the licence list stay as they are). Every
 * character is read once, with no backtracking; nesting is limited to {@link #MAX_DEPTH}.
 */
final class TomlSubset {
    /** The key under which a table records the line of its header (or of its first key for the root). */
    static final String LINE = "\0line";
    private static final int MAX_DEPTH = 32;

    /** A syntax error at a line. */
    static final class TomlException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;

        TomlException(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    private final String s;
    private int i;
    private int line = 1;

    private TomlSubset(String text) {
        this.s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Parses a whole document into its root table. */
    static Map<String, Object> parse(String text) throws TomlException {
        return new TomlSubset(text).document();
    }

    private Map<String, Object> document() throws TomlException {
        Map<String, Object> root = table(1);
        Map<String, Object> current = root;
        while (true) {
            skipWhitespaceAndComments();
            if (i >= s.length()) {
                return root;
            }
            if (s.charAt(i) == '[') {
                boolean array = s.startsWith("[[", i);
                int headerLine = line;
                i += array ? 2 : 1;
                List<String> path = keyPath();
                if (!s.startsWith(array ? "]]" : "]", i)) {
                    throw error("a table header ends with " + (array ? "]]" : "]"));
                }
                i += array ? 2 : 1;
                endOfLine();
                current = open(root, path, array, headerLine);
            } else {
                List<String> path = keyPath();
                skipBlanks();
                if (i >= s.length() || s.charAt(i) != '=') {
                    throw error("expected '=' after the key");
                }
                i++;
                skipBlanks();
                Object value = value(0);
                put(current, path, value);
                endOfLine();
            }
        }
    }

    private static Map<String, Object> table(int line) {
        Map<String, Object> table = new LinkedHashMap<>();
        table.put(LINE, line);
        return table;
    }

    /** The table a header names, created as needed; for {@code [[x]]} a new element of the array x. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> open(Map<String, Object> root, List<String> path, boolean array, int headerLine)
            throws TomlException {
        Map<String, Object> table = root;
        for (int k = 0; k < path.size(); k++) {
            String key = path.get(k);
            boolean last = k == path.size() - 1;
            Object next = table.get(key);
            if (last && array) {
                if (next == null) {
                    next = new ArrayList<>();
                    table.put(key, next);
                } else if (!(next instanceof List)) {
                    throw new TomlException(headerLine, "'" + key + "' is not an array of tables");
                }
                Map<String, Object> element = table(headerLine);
                ((List<Object>) next).add(element);
                return element;
            }
            if (next == null) {
                next = table(headerLine);
                table.put(key, next);
            } else if (next instanceof List<?> list && !list.isEmpty() && list.get(list.size() - 1) instanceof Map) {
                next = list.get(list.size() - 1); // [a.b] after [[a]] names a table in a's last element
            } else if (!(next instanceof Map)) {
                throw new TomlException(headerLine, "'" + key + "' is not a table");
            }
            table = (Map<String, Object>) next;
        }
        return table;
    }

    @SuppressWarnings("unchecked")
    private void put(Map<String, Object> table, List<String> path, Object value) throws TomlException {
        Map<String, Object> at = table;
        for (int k = 0; k < path.size() - 1; k++) {
            Object next = at.get(path.get(k));
            if (next == null) {
                next = table(line);
                at.put(path.get(k), next);
            } else if (!(next instanceof Map)) {
                throw error("'" + path.get(k) + "' is not a table");
            }
            at = (Map<String, Object>) next;
        }
        String key = path.get(path.size() - 1);
        if (at.containsKey(key)) {
            throw error("'" + key + "' is defined twice");
        }
        at.put(key, value);
    }

    private List<String> keyPath() throws TomlException {
        List<String> path = new ArrayList<>();
        while (true) {
            skipBlanks();
            if (i >= s.length()) {
                throw error("expected a key");
            }
            char c = s.charAt(i);
            if (c == '"') {
                path.add(basicString());
            } else if (c == '\'') {
                path.add(literalString());
            } else {
                int start = i;
                while (i < s.length() && isBareKeyChar(s.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    throw error("expected a key");
                }
                path.add(s.substring(start, i));
            }
            skipBlanks();
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                continue;
            }
            return path;
        }
    }

    private static boolean isBareKeyChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    private Object value(int depth) throws TomlException {
        if (depth > MAX_DEPTH) {
            throw error("values nest deeper than " + MAX_DEPTH);
        }
        if (i >= s.length()) {
            throw error("expected a value");
        }
        char c = s.charAt(i);
        if (s.startsWith("\"\"\"", i)) {
            return multiLineBasicString();
        }
        if (s.startsWith("'''", i)) {
            return multiLineLiteralString();
        }
        if (c == '"') {
            return basicString();
        }
        if (c == '\'') {
            return literalString();
        }
        if (c == '[') {
            return array(depth);
        }
        if (c == '{') {
            return inlineTable(depth);
        }
        if (s.startsWith("true", i) && !isBareKeyChar(charAt(i + 4))) {
            i += 4;
            return Boolean.TRUE;
        }
        if (s.startsWith("false", i) && !isBareKeyChar(charAt(i + 5))) {
            i += 5;
            return Boolean.FALSE;
        }
        return number();
    }

    private char charAt(int at) {
        return at < s.length() ? s.charAt(at) : '\0';
    }

    private Object number() throws TomlException {
        int start = i;
        while (i < s.length() && "+-0123456789._eE".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        String text = s.substring(start, i).replace("_", "");
        if (text.isEmpty()) {
            throw error("expected a value (a string, number, boolean, array or inline table)");
        }
        try {
            if (text.contains(".") || text.contains("e") || text.contains("E")) {
                return Double.parseDouble(text);
            }
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw error("not a number: " + text.length() + " characters of digits and signs that do not parse");
        }
    }

    private List<Object> array(int depth) throws TomlException {
        i++; // [
        List<Object> values = new ArrayList<>();
        while (true) {
            skipWhitespaceAndComments();
            if (i >= s.length()) {
                throw error("an array is not closed with ]");
            }
            if (s.charAt(i) == ']') {
                i++;
                return values;
            }
            values.add(value(depth + 1));
            skipWhitespaceAndComments();
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
            } else if (i < s.length() && s.charAt(i) != ']') {
                throw error("expected ',' or ']' in an array");
            }
        }
    }

    private Map<String, Object> inlineTable(int depth) throws TomlException {
        i++; // {
        Map<String, Object> table = table(line);
        skipBlanks();
        if (i < s.length() && s.charAt(i) == '}') {
            i++;
            return table;
        }
        while (true) {
            List<String> path = keyPath();
            skipBlanks();
            if (i >= s.length() || s.charAt(i) != '=') {
                throw error("expected '=' in an inline table");
            }
            i++;
            skipBlanks();
            put(table, path, value(depth + 1));
            skipBlanks();
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
            } else if (i < s.length() && s.charAt(i) == '}') {
                i++;
                return table;
            } else {
                throw error("expected ',' or '}' in an inline table");
            }
        }
    }

    private String basicString() throws TomlException {
        i++; // "
        StringBuilder out = new StringBuilder();
        while (true) {
            if (i >= s.length() || s.charAt(i) == '\n') {
                throw error("a string is not closed with \"");
            }
            char c = s.charAt(i++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                escape(out);
            } else {
                out.append(c);
            }
        }
    }

    private String multiLineBasicString() throws TomlException {
        i += 3;
        newlineAfterOpening();
        StringBuilder out = new StringBuilder();
        while (true) {
            if (i >= s.length()) {
                throw error("a string is not closed with \"\"\"");
            }
            if (s.startsWith("\"\"\"", i)) {
                int run = quoteRun(i, '"');
                out.append("\"\"", 0, run - 3); // up to two quotes before the delimiter belong to the string
                i += run;
                return out.toString();
            }
            char c = s.charAt(i++);
            if (c == '\n') {
                line++;
                out.append(c);
            } else if (c == '\\') {
                if (i < s.length() && (s.charAt(i) == '\n' || s.charAt(i) == '\r' || s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                    // A line-ending backslash trims the whitespace up to the next non-blank character.
                    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                        if (s.charAt(i) == '\n') {
                            line++;
                        }
                        i++;
                    }
                } else {
                    escape(out);
                }
            } else {
                out.append(c);
            }
        }
    }

    /** The length of the run of {@code quote} at {@code at}, at most 5. */
    private int quoteRun(int at, char quote) {
        int run = 0;
        while (run < 5 && at + run < s.length() && s.charAt(at + run) == quote) {
            run++;
        }
        return run;
    }

    private String multiLineLiteralString() throws TomlException {
        i += 3;
        newlineAfterOpening();
        int start = i;
        int end = s.indexOf("'''", i);
        if (end < 0) {
            throw error("a string is not closed with '''");
        }
        int run = quoteRun(end, '\'');
        String text = s.substring(start, end + run - 3);
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                line++;
            }
        }
        i = end + run;
        return text;
    }

    private void newlineAfterOpening() {
        if (s.startsWith("\r\n", i)) {
            i += 2;
            line++;
        } else if (i < s.length() && s.charAt(i) == '\n') {
            i++;
            line++;
        }
    }

    private String literalString() throws TomlException {
        i++; // '
        int start = i;
        while (i < s.length() && s.charAt(i) != '\'' && s.charAt(i) != '\n') {
            i++;
        }
        if (i >= s.length() || s.charAt(i) != '\'') {
            throw error("a string is not closed with '");
        }
        return s.substring(start, i++);
    }

    private void escape(StringBuilder out) throws TomlException {
        if (i >= s.length()) {
            throw error("a string ends with a lone backslash");
        }
        char e = s.charAt(i++);
        switch (e) {
            case 'b' -> out.append('\b');
            case 't' -> out.append('\t');
            case 'n' -> out.append('\n');
            case 'f' -> out.append('\f');
            case 'r' -> out.append('\r');
            case 'e' -> out.append('\u001B');
            case '"' -> out.append('"');
            case '\\' -> out.append('\\');
            case 'u', 'U' -> {
                int digits = e == 'u' ? 4 : 8;
                if (i + digits > s.length()) {
                    throw error("a \\" + e + " escape needs " + digits + " hex digits");
                }
                int code;
                try {
                    code = Integer.parseUnsignedInt(s.substring(i, i + digits), 16);
                } catch (NumberFormatException x) {
                    throw error("a \\" + e + " escape needs " + digits + " hex digits");
                }
                if (!Character.isValidCodePoint(code) || code >= 0xD800 && code <= 0xDFFF) {
                    throw error("a \\" + e + " escape names no Unicode scalar value");
                }
                out.appendCodePoint(code);
                i += digits;
            }
            default -> throw error("unknown escape \\" + (e < ' ' || e > '~' ? "(a control or non-ASCII character)" : e)
                    + " (a regex in a \"...\" string needs \\\\, or a '...' literal string)");
        }
    }

    private void skipBlanks() {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
    }

    private void skipComment() {
        if (i < s.length() && s.charAt(i) == '#') {
            while (i < s.length() && s.charAt(i) != '\n') {
                i++;
            }
        }
    }

    private void skipWhitespaceAndComments() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                i++;
            } else if (c == '#') {
                skipComment();
            } else {
                return;
            }
        }
    }

    private void endOfLine() throws TomlException {
        skipBlanks();
        skipComment();
        if (i < s.length() && s.charAt(i) == '\r') {
            i++;
        }
        if (i < s.length()) {
            if (s.charAt(i) != '\n') {
                throw error("unexpected text after the value");
            }
            i++;
            line++;
        }
    }

    private TomlException error(String message) {
        return new TomlException(line, message);
    }
}
