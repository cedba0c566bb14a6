package dev.readbackplan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.internal.PythonJsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of validating one document: every problem found, sorted by position.
 *
 * <p>Immutable. A document is valid when it has no {@linkplain Severity#ERROR error}; warnings are
 * reported but only fail a {@linkplain #isValid(boolean) strict} check.
 */
public final class ValidationReport {
    private static final Comparator<Problem> BY_POSITION = Comparator
            .comparingInt((Problem p) -> p.hasPosition() ? 0 : 1)
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column);

    private final String source;
    private final DocumentKind kind;
    private final List<Problem> problems;

    /**
     * @param source how the document is named in messages, usually its path
     * @param kind what the document was validated as, or null when that could not be told
     * @param problems the problems, in any order; they are sorted by position (stable)
     */
    public ValidationReport(String source, DocumentKind kind, List<Problem> problems) {
        this.source = Objects.requireNonNull(source, "source");
        this.kind = kind;
        this.problems = problems.stream().sorted(BY_POSITION).toList();
    }

    /** How the document is named in messages. */
    public String source() {
        return source;
    }

    /** What the document was validated as, or null when that could not be told. */
    public DocumentKind kind() {
        return kind;
    }

    /** Every problem, sorted by line and column; problems without a position come last. */
    public List<Problem> problems() {
        return problems;
    }

    public List<Problem> errors() {
        return problems.stream().filter(p -> p.severity() == Severity.ERROR).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> p.severity() == Severity.WARNING).toList();
    }

    /** True when there is no error. */
    public boolean isValid() {
        return isValid(false);
    }

    /** True when there is no error and, if {@code strict}, no warning either. */
    public boolean isValid(boolean strict) {
        return problems.stream().noneMatch(p -> p.severity() == Severity.ERROR || strict);
    }

    /**
     * One line per problem: {@code FILE:LINE:COLUMN: error: /json/pointer: message}, or {@code FILE:
     * error: /json/pointer: message} when the problem has no position. The whole document's pointer
     * is shown as {@code (root)}. Each line ends with a newline.
     */
    public String toText() {
        StringBuilder text = new StringBuilder();
        for (Problem problem : problems) {
            text.append(source);
            if (problem.hasPosition()) {
                text.append(':').append(problem.line()).append(':').append(problem.column());
            }
            text.append(": ").append(problem.severity().label()).append(": ")
                    .append(problem.pointer().isEmpty() ? "(root)" : problem.pointer())
                    .append(": ").append(problem.message()).append('\n');
        }
        return text.toString();
    }

    /**
     * The problems of several reports as one JSON array for tools: each element has {@code file},
     * {@code line}, {@code column} (0 when unknown), {@code severity}, {@code pointer}, {@code keyword}
     * and {@code message}. Ends with a newline.
     */
    public static String toJson(List<ValidationReport> reports) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ArrayNode array = nodes.arrayNode();
        for (ValidationReport report : reports) {
            for (Problem problem : report.problems) {
                ObjectNode item = array.addObject();
                item.put("file", report.source);
                item.put("line", problem.line());
                item.put("column", problem.column());
                item.put("severity", problem.severity().label());
                item.put("pointer", problem.pointer());
                item.put("keyword", problem.keyword());
                item.put("message", problem.message());
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            PythonJsonWriter writer = new PythonJsonWriter(bytes);
            writer.writeDocument(array);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ValidationReport[" + source + ", " + kind + ", " + problems.size() + " problem(s)]";
    }
}
