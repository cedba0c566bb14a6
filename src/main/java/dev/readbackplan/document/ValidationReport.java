package dev.readbackplan.document;

import dev.readbackplan.internal.text.Display;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of validating one document: every problem found, sorted by position.
 *
 * <p>Immutable. A document is valid when it has no {@linkplain Severity#ERROR error}; warnings are
 * reported but only fail a {@linkplain #isValid(boolean) strict} check.
 */
public final class ValidationReport {
    private static final Comparator<Problem> BY_POSITION = (Problem a, Problem b) -> {
        // One lambda of this class, not Comparator's combinators: the JDK's AOT cache does not keep
        // the lambdas inside java.util.Comparator, so each is spun at run time (see docs/performance.md).
        int byPosition = Integer.compare(a.hasPosition() ? 0 : 1, b.hasPosition() ? 0 : 1);
        if (byPosition != 0) {
            return byPosition;
        }
        int byLine = Integer.compare(a.line(), b.line());
        return byLine != 0 ? byLine : Integer.compare(a.column(), b.column());
    };

    private final String source;
    private final @Nullable DocumentKind kind;
    private final List<Problem> problems;
    private final long omittedErrors;
    private final long omittedWarnings;

    /**
     * A report of problems, none of them omitted.
     *
     * @param source how the document is named in messages, usually its path
     * @param kind what the document was validated as, or null when that could not be told
     * @param problems the problems, in any order; they are sorted by position (stable)
     */
    public ValidationReport(String source, @Nullable DocumentKind kind, List<Problem> problems) {
        this(source, kind, problems, 0, 0);
    }

    /**
     * A report that shows some problems and counts the rest.
     *
     * @param source how the document is named in messages, usually its path
     * @param kind what the document was validated as, or null when that could not be told
     * @param problems the problems shown, in any order; they are sorted by position (stable)
     * @param omittedErrors errors found beyond those shown
     * @param omittedWarnings warnings found beyond those shown
     */
    public ValidationReport(String source, @Nullable DocumentKind kind, List<Problem> problems, long omittedErrors, long omittedWarnings) {
        this.source = Objects.requireNonNull(source, "source");
        this.kind = kind;
        this.problems = problems.stream().sorted(BY_POSITION).toList();
        if (omittedErrors < 0 || omittedWarnings < 0) {
            throw new IllegalArgumentException("omitted counts must not be negative");
        }
        this.omittedErrors = omittedErrors;
        this.omittedWarnings = omittedWarnings;
    }

    /** {@return how the document is named in messages (show it with {@code toText()}: it may hold any character)} */
    public String source() {
        return source;
    }

    /** {@return what the document was validated as, or null when that could not be told} */
    public @Nullable DocumentKind kind() {
        return kind;
    }

    /**
     * The problems shown.
     *
     * @return the problems shown (at most {@link dev.readbackplan.document.Limits#maxProblems()} of those found), sorted by line and
     *     column; problems without a position come last
     */
    public List<Problem> problems() {
        return problems;
    }

    /** {@return the errors shown} */
    public List<Problem> errors() {
        return problems.stream().filter(p -> p.severity() == Severity.ERROR).toList();
    }

    /** {@return the warnings shown} */
    public List<Problem> warnings() {
        return problems.stream().filter(p -> p.severity() == Severity.WARNING).toList();
    }

    /** {@return errors found beyond those shown (0 unless the problem limit was reached)} */
    public long omittedErrors() {
        return omittedErrors;
    }

    /** {@return warnings found beyond those shown (0 unless the problem limit was reached)} */
    public long omittedWarnings() {
        return omittedWarnings;
    }

    /** {@return every error found, shown or not} */
    public long errorCount() {
        return errors().size() + omittedErrors;
    }

    /** {@return true when there is no error} */
    public boolean isValid() {
        return isValid(false);
    }

    /**
     * Whether the document is valid.
     *
     * @param strict whether warnings count as errors
     * @return true when there is no error and, if {@code strict}, no warning either
     */
    public boolean isValid(boolean strict) {
        if (omittedErrors > 0 || strict && omittedWarnings > 0) {
            return false;
        }
        return problems.stream().noneMatch(p -> p.severity() == Severity.ERROR || strict);
    }

    /**
     * One line per problem: {@code FILE:LINE:COLUMN: error: /json/pointer: message}, or {@code FILE:
     * error: /json/pointer: message} when the problem has no position, then, when problems were
     * omitted, {@code FILE: note: N more errors and M more warnings not shown}. Pointers are shown as
     * {@link Problem#pointer()} shows them (secret-shaped keys redacted, long ones shortened,
     * invisible characters escaped), and so are the file name and messages. Each line ends with a
     * newline.
     *
     * @return the report for people
     */
    public String toText() {
        StringBuilder text = new StringBuilder();
        String shownSource = Display.text(source);
        for (Problem problem : problems) {
            text.append(shownSource);
            if (problem.hasPosition()) {
                text.append(':').append(problem.line()).append(':').append(problem.column());
            }
            text.append(": ").append(problem.severity().label()).append(": ")
                    .append(problem.pointer())
                    .append(": ").append(Display.text(problem.message())).append('\n');
        }
        if (omittedErrors > 0 || omittedWarnings > 0) {
            text.append(shownSource).append(": note: ").append(omittedNote()).append('\n');
        }
        return text.toString();
    }

    /** {@return what the limit left out, as one sentence: "N more errors and M more warnings not shown (the first K are)"} */
    public String omittedNote() {
        return omittedErrors + (omittedErrors == 1 ? " more error" : " more errors") + " and " + omittedWarnings
                + (omittedWarnings == 1 ? " more warning" : " more warnings") + " not shown (the first " + problems.size()
                + " are)";
    }

    @Override
    public String toString() {
        return "ValidationReport[" + Display.text(source) + ", " + kind + ", " + problems.size() + " problem(s)"
                + (omittedErrors + omittedWarnings > 0 ? ", " + (omittedErrors + omittedWarnings) + " omitted" : "") + "]";
    }
}
