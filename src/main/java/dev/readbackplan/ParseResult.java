package dev.readbackplan;

import dev.readbackplan.document.InvalidDocumentException;
import dev.readbackplan.document.ValidationReport;
import java.util.Objects;
import java.util.Optional;

/**
 * A document read into the typed model, or the located problems that kept it from being read: from
 * {@link ReadbackPlanner#parseSnapshot(java.nio.file.Path)} and {@link ReadbackPlanner#parsePlan(java.nio.file.Path)}.
 *
 * <p>The value is present exactly when the report {@linkplain ValidationReport#isValid() is valid}
 * (warnings allowed): the document was read by the strict reader within the planner's limits and
 * validated against its schema and the checks a schema cannot express before it was bound.
 *
 * @param <T> the model type: {@link dev.readbackplan.model.AcceptanceSnapshot} or {@link dev.readbackplan.model.ReadbackPlan}
 * @param value the typed document, when it is valid
 * @param report every problem found, with lines and columns; valid when {@code value} is present
 */
public record ParseResult<T>(Optional<T> value, ValidationReport report) {
    /**
     * Checks that the value is present exactly when the report is valid.
     *
     * @param value the model, present when the document is valid
     * @param report the document's problems
     */
    public ParseResult {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(report, "report");
        if (value.isPresent() != report.isValid()) {
            throw new IllegalArgumentException("a value exactly when the report is valid");
        }
    }

    /** {@return whether the document was valid and read into the model} */
    public boolean isValid() {
        return value.isPresent();
    }

    /**
     * The typed document, or the report as an exception.
     *
     * @return the typed document
     * @throws InvalidDocumentException with the report, when the document was invalid
     */
    public T orElseThrow() {
        return value.orElseThrow(() -> new InvalidDocumentException(report));
    }
}
