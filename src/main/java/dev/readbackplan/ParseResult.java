package dev.readbackplan;

import dev.readbackplan.document.InvalidDocumentException;
import dev.readbackplan.document.ValidationReport;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A document read into the typed model, or the located problems that kept it from being read: from
 * {@link ReadbackPlanner#parseSnapshot(java.nio.file.Path)} and {@link ReadbackPlanner#parsePlan(java.nio.file.Path)}.
 *
 * <p>Exactly one of two cases, and the type says which: {@link Valid} holds the document, {@link
 * Invalid} only the report. A valid document was read by the strict reader within the planner's limits
 * and validated against its schema and the checks a schema cannot express before it was bound; its
 * report may hold warnings. An invalid one has at least one error.
 *
 * <pre>{@code
 * ParseResult<ReadbackPlan> result = planner.parsePlan(file);
 * if (result instanceof ParseResult.Valid<ReadbackPlan> valid) {
 *     use(valid.document());
 * } else {
 *     System.err.print(result.report().toText());
 * }
 * // or, as one expression on any Java version:
 * int candidates = result.fold(plan -> plan.getReadbackCandidates().size(), report -> -1);
 * }</pre>
 *
 * <p>Immutable and thread-safe as far as the report is; the document is the generated model, which
 * is mutable: {@link ReadbackPlanner} makes a new one for each call.
 *
 * @param <T> the model type: {@link dev.readbackplan.model.AcceptanceSnapshot} or {@link dev.readbackplan.model.ReadbackPlan}
 */
public sealed interface ParseResult<T> permits ParseResult.Valid, ParseResult.Invalid {
    /** {@return every problem found, with lines and columns: valid (warnings allowed) exactly for {@link Valid}} */
    ValidationReport report();

    /**
     * The document was valid and is read into the model.
     *
     * @param <T> the model type
     * @param document the typed document
     * @param report its report: valid, perhaps with warnings
     */
    record Valid<T>(T document, ValidationReport report) implements ParseResult<T> {
        /**
         * Checks that the report is valid.
         *
         * @param document the typed document
         * @param report its report
         * @throws IllegalArgumentException when the report has an error
         */
        public Valid {
            Objects.requireNonNull(document, "document");
            Objects.requireNonNull(report, "report");
            if (!report.isValid()) {
                throw new IllegalArgumentException("a valid result with an invalid report");
            }
        }
    }

    /**
     * The document was not valid: nothing was bound.
     *
     * @param <T> the model type it would have been
     * @param report its problems: at least one error
     */
    record Invalid<T>(ValidationReport report) implements ParseResult<T> {
        /**
         * Checks that the report has an error.
         *
         * @param report the document's problems
         * @throws IllegalArgumentException when the report is valid
         */
        public Invalid {
            Objects.requireNonNull(report, "report");
            if (report.isValid()) {
                throw new IllegalArgumentException("an invalid result with a valid report");
            }
        }
    }

    /** {@return whether the document was valid and read into the model: whether this is {@link Valid}} */
    default boolean isValid() {
        return this instanceof Valid;
    }

    /** {@return the typed document when it was valid, else empty} */
    default Optional<T> value() {
        return this instanceof Valid<T> valid ? Optional.of(valid.document()) : Optional.empty();
    }

    /**
     * The typed document, or the report as an exception.
     *
     * @return the typed document
     * @throws InvalidDocumentException with the report, when the document was invalid
     */
    default T orElseThrow() {
        if (this instanceof Valid<T> valid) {
            return valid.document();
        }
        throw new InvalidDocumentException(report());
    }

    /**
     * One of two functions applied to what there is: the document when it was valid, else the report.
     * The Java 17 form of an exhaustive {@code switch} over the two cases.
     *
     * @param <R> what both give
     * @param ifValid applied to the document of a {@link Valid} result
     * @param ifInvalid applied to the report of an {@link Invalid} one
     * @return what the function applied gave
     */
    default <R> R fold(Function<? super T, ? extends R> ifValid, Function<? super ValidationReport, ? extends R> ifInvalid) {
        return this instanceof Valid<T> valid ? ifValid.apply(valid.document()) : ifInvalid.apply(report());
    }
}
