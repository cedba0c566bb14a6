package dev.readbackplan.document;

import dev.readbackplan.internal.text.Display;
import java.util.Objects;

/**
 * Thrown when work cannot go on because a document is invalid: the snapshot given to the generator,
 * or (which would be a bug) the plan it built. Carries the full {@link ValidationReport}, with every
 * problem and the name of the document.
 */
public class InvalidDocumentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ValidationReport report;

    /**
     * Refuses a document, with its report.
     *
     * @param report the problems found, with the name of the document
     */
    public InvalidDocumentException(ValidationReport report) {
        super(summary(report));
        this.report = Objects.requireNonNull(report, "report");
    }

    /** {@return every problem found, and which document they were found in} */
    public ValidationReport report() {
        return report;
    }

    private static String summary(ValidationReport report) {
        String kind = report.kind() == null ? "document" : report.kind().name().toLowerCase(java.util.Locale.ROOT);
        long errors = report.errorCount();
        if (errors == 0) {
            long warnings = report.warnings().size() + report.omittedWarnings();
            return Display.text(report.source()) + " has " + warnings + (warnings == 1 ? " warning" : " warnings")
                    + ", which strict generation refuses";
        }
        return Display.text(report.source()) + " is not a valid " + kind + " (" + errors + (errors == 1 ? " error" : " errors") + ")";
    }
}
