package dev.readbackplan;

import java.util.Objects;

/**
 * Thrown when work cannot go on because a document is invalid: the snapshot given to the generator,
 * or (which would be a bug) the plan it built. Carries the full {@link ValidationReport}, with every
 * problem and the name of the document.
 */
public class InvalidDocumentException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient ValidationReport report;

    public InvalidDocumentException(ValidationReport report) {
        super(summary(report));
        this.report = Objects.requireNonNull(report, "report");
    }

    /** Every problem found, and which document they were found in. */
    public ValidationReport report() {
        return report;
    }

    private static String summary(ValidationReport report) {
        String kind = report.kind() == null ? "document" : report.kind().name().toLowerCase(java.util.Locale.ROOT);
        int errors = report.errors().size();
        return report.source() + " is not a valid " + kind + " (" + errors + (errors == 1 ? " error" : " errors") + ")";
    }
}
