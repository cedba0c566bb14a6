package dev.readbackplan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.document.Keyword;
import dev.readbackplan.document.Problem;
import dev.readbackplan.document.ValidationReport;
import dev.readbackplan.internal.json.PythonJsonWriter;
import dev.readbackplan.internal.text.Display;
import dev.readbackplan.internal.render.SarifWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Validation reports rendered for tools: as JSON and as SARIF 2.1.0. (A report renders itself as text:
 * {@link ValidationReport#toText()}.)
 */
public final class Reports {
    private Reports() {}

    /**
     * The problems of several reports as one JSON array for tools: each element has {@code file},
     * {@code line}, {@code column} (0 when unknown), {@code severity}, {@code pointer}, {@code keyword}
     * and {@code message}; a report with omitted problems adds one element with severity {@code note},
     * keyword {@code limit} and the counts in its message. Pointers are redacted and shortened as in
     * {@link ValidationReport#toText()}; control, bidi and other invisible characters are written as JSON escapes.
     * Ends with a newline.
     *
     * @param reports the reports, in order
     * @return the JSON text
     */
    public static String toJson(List<ValidationReport> reports) {
        return write(problemsArray(reports));
    }

    /**
     * The problems of several reports as one JSON object for tools, naming the tool that made it:
     * {@code {"tool": {"name": "monitoring-readback-plan", "version": ...}, "problems": [...]}}, where
     * {@code problems} is the array {@link #toJson(List)} writes. This is what {@code validate --format
     * json} prints. Ends with a newline.
     *
     * @param reports the reports, in order
     * @param toolVersion the tool's version
     * @return the JSON text
     */
    public static String toJson(List<ValidationReport> reports, String toolVersion) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        ObjectNode tool = document.putObject("tool");
        tool.put("name", SarifWriter.TOOL_NAME);
        tool.put("version", Display.forJson(Objects.requireNonNull(toolVersion, "toolVersion")));
        document.set("problems", problemsArray(reports));
        return write(document);
    }

    /**
     * The problems of several reports as a SARIF 2.1.0 log, file locations relative to the current
     * folder: one result per problem, located at its line and column (the README's "SARIF" section).
     *
     * @param reports the reports, in order
     * @param toolVersion the tool's version
     * @return the SARIF JSON text, ending with a newline
     */
    public static String toSarif(List<ValidationReport> reports, String toolVersion) {
        return SarifWriter.validation(reports, toolVersion);
    }

    /**
     * The SARIF 2.1.0 log of reports, file locations relative to {@code base} (code scanning's
     * checkout: the repository's root): as {@link #toSarif(List, String)}.
     *
     * @param reports the reports, in order
     * @param toolVersion the tool's version
     * @param base the folder file locations are relative to, as {@code originalUriBaseIds} records
     * @return the SARIF JSON text, ending with a newline
     */
    public static String toSarif(List<ValidationReport> reports, String toolVersion, Path base) {
        return SarifWriter.validation(reports, toolVersion, base);
    }

    private static ArrayNode problemsArray(List<ValidationReport> reports) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ArrayNode array = nodes.arrayNode();
        for (ValidationReport report : reports) {
            for (Problem problem : report.problems()) {
                ObjectNode item = array.addObject();
                item.put("file", Display.forJson(report.source()));
                item.put("line", problem.line());
                item.put("column", problem.column());
                item.put("severity", problem.severity().label());
                item.put("pointer", Display.pointerForJson(problem.pointerSegments()));
                item.put("keyword", problem.keyword());
                item.put("message", Display.forJson(problem.message()));
            }
            if (report.omittedErrors() > 0 || report.omittedWarnings() > 0) {
                ObjectNode item = array.addObject();
                item.put("file", Display.forJson(report.source()));
                item.put("line", 0);
                item.put("column", 0);
                item.put("severity", "note");
                item.put("pointer", "");
                item.put("keyword", Keyword.LIMIT.id());
                item.put("message", report.omittedNote());
            }
        }
        return array;
    }

    private static String write(com.fasterxml.jackson.databind.JsonNode document) {
        return PythonJsonWriter.reportText(document);
    }

}
