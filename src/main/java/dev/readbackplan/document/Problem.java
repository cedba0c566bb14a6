package dev.readbackplan.document;

import dev.readbackplan.internal.text.Display;
import dev.readbackplan.internal.text.Pointer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One problem found in a document. Immutable.
 *
 * <p>Where it is: {@link #pointerSegments()}, the keys and indexes from the root to the value
 * concerned (empty for the whole document), and {@link #line()} and {@link #column()}, 1-based, the
 * column counting Unicode characters (code points), both 0 when the problem has no position in a file
 * (a typed model was validated). {@code keyword} names the rule: a JSON Schema keyword such as {@code
 * required} or {@code type}, or one of this library's own, a {@link Keyword} ({@link #toolKeyword()}).
 * Messages never contain a value of the document.
 *
 * <p>The segments are the document's own keys, which may be secret-shaped or hold terminal control
 * characters: show a problem with {@link #pointer()} (or {@link ValidationReport#toText()}),
 * never with the {@link #rawPointer()}.
 */
public final class Problem {
    private final Severity severity;
    private final List<String> pointerSegments;
    private final int line;
    private final int column;
    private final String keyword;
    private final String message;
    private final @Nullable String rule;

    /**
     * A problem at a position in a document.
     *
     * @param severity error or warning
     * @param pointerSegments the unescaped keys and indexes from the root to the value concerned
     * @param line 1-based line, or 0 when there is no position
     * @param column 1-based column in code points, or 0 when there is no position
     * @param keyword the rule that found the problem
     * @param message what is wrong, for people; never a value of the document
     */
    public Problem(Severity severity, List<String> pointerSegments, int line, int column, String keyword, String message) {
        this(severity, pointerSegments, line, column, keyword, message, null);
    }

    /**
     * A problem found by a rule of the secret scanner.
     *
     * @param severity error or warning
     * @param pointerSegments the unescaped keys and indexes from the root to the value concerned
     * @param line 1-based line, or 0 when there is no position
     * @param column 1-based column in code points, or 0 when there is no position
     * @param keyword the rule that found the problem ({@code secret} or {@code raw-payload} for the scanner)
     * @param message what is wrong, for people; never a value of the document
     * @param rule the id of the scanner rule that fired (such as {@code telegram-bot-token}, or a custom
     *     rule's), or null for any other problem
     */
    public Problem(Severity severity, List<String> pointerSegments, int line, int column, String keyword, String message,
            @Nullable String rule) {
        this.severity = Objects.requireNonNull(severity, "severity");
        this.pointerSegments = List.copyOf(pointerSegments);
        this.line = line;
        this.column = column;
        this.keyword = Objects.requireNonNull(keyword, "keyword");
        this.message = Objects.requireNonNull(message, "message");
        this.rule = rule;
    }

    /**
     * A problem at an RFC 6901 pointer such as {@code /readback_candidates/0/surface_id}.
     *
     * @param severity error or warning
     * @param pointer the JSON Pointer, {@code ""} for the whole document
     * @param line 1-based line, or 0 when there is no position
     * @param column 1-based column in code points, or 0 when there is no position
     * @param keyword the rule that found the problem
     * @param message what is wrong, for people; never a value of the document
     */
    public Problem(Severity severity, String pointer, int line, int column, String keyword, String message) {
        this(severity, Pointer.parse(Objects.requireNonNull(pointer, "pointer")).segments(), line, column, keyword, message);
    }

    /** {@return error or warning} */
    public Severity severity() {
        return severity;
    }

    /**
     * The pointer of the value concerned as reports show it: {@code (root)} for the whole document;
     * each secret-shaped key replaced by {@code [redacted]}; long keys and deep pointers shortened
     * around an ellipsis; control, bidi and other invisible characters escaped as {@code \}{@code
     * uXXXX}. The document's own keys as they are: {@link #rawPointer()}.
     *
     * @return the pointer, safe to print
     */
    public String pointer() {
        return Display.pointerForText(pointerSegments);
    }

    /**
     * The JSON Pointer (RFC 6901) of the value concerned, {@code ""} for the whole document. It holds
     * the document's keys as they are, which may be secret-shaped or hold terminal control characters:
     * to find the value, never to show to people (use {@link #pointer()}).
     *
     * @return the raw pointer
     */
    public String rawPointer() {
        StringBuilder text = new StringBuilder();
        for (String segment : pointerSegments) {
            text.append('/').append(segment.replace("~", "~0").replace("/", "~1"));
        }
        return text.toString();
    }

    /** {@return the unescaped keys and indexes from the root to the value concerned; empty for the whole document} */
    public List<String> pointerSegments() {
        return pointerSegments;
    }

    /**
     * The pointer as reports show it; the same as {@link #pointer()}.
     *
     * @return the pointer, safe to print
     * @deprecated {@link #pointer()} is now the form safe to show; this name stays for one release
     */
    @Deprecated
    public String displayPointer() {
        return pointer();
    }

    /** {@return the 1-based line, or 0 when the problem has no position} */
    public int line() {
        return line;
    }

    /** {@return the 1-based column in code points, or 0 when the problem has no position} */
    public int column() {
        return column;
    }

    /**
     * The rule that found the problem: a JSON Schema keyword such as {@code required}, or the {@link
     * Keyword#id() id} of one of the library's own (see {@link #toolKeyword()}).
     *
     * @return the keyword as reports spell it
     */
    public String keyword() {
        return keyword;
    }

    /**
     * The library's own rule that found the problem.
     *
     * @return the keyword, or empty when a JSON Schema keyword found it
     */
    public Optional<Keyword> toolKeyword() {
        return Keyword.fromId(keyword);
    }

    /** {@return what is wrong, for people; never a value of the document} */
    public String message() {
        return message;
    }

    /**
     * The secret scanner's rule that found this problem, for {@code secret} and {@code raw-payload}
     * problems: a built-in rule id (the README's table) or a custom rule's id.
     *
     * @return the rule id, or null when the problem is not the scanner's
     */
    public @Nullable String rule() {
        return rule;
    }

    /** {@return whether the problem has a position in the file} */
    public boolean hasPosition() {
        return line > 0;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Problem that && severity == that.severity && line == that.line && column == that.column
                && pointerSegments.equals(that.pointerSegments) && keyword.equals(that.keyword) && message.equals(that.message)
                && Objects.equals(rule, that.rule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(severity, pointerSegments, line, column, keyword, message, rule);
    }

    /** @return the problem as a report line shows it, safe to print */
    @Override
    public String toString() {
        return (hasPosition() ? line + ":" + column + ": " : "") + severity.label() + ": " + pointer() + ": "
                + Display.text(message) + " [" + keyword + "]";
    }
}
