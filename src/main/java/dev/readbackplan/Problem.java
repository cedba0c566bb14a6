package dev.readbackplan;

import java.util.Objects;

/**
 * One problem found in a document.
 *
 * <p>{@code pointer} is a JSON Pointer (RFC 6901) to the value concerned, {@code ""} for the whole
 * document. {@code line} and {@code column} are 1-based; the column counts Unicode characters (code
 * points) from the start of the line, so a tab or an emoji counts as one. Both are 0 when the problem
 * has no position in a file, for example when a typed model was validated. {@code keyword} names the
 * rule: a JSON Schema keyword such as {@code required} or {@code type}, or one of this library's own
 * ({@code syntax}, {@code encoding}, {@code limit}, {@code duplicate-key}, {@code duplicate-id},
 * {@code candidate-id}, {@code summary-count}, {@code secret}, {@code raw-payload}). Messages never
 * contain a value of the document.
 */
public record Problem(Severity severity, String pointer, int line, int column, String keyword, String message) {
    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(keyword, "keyword");
        Objects.requireNonNull(message, "message");
    }

    /** Whether the problem has a position in the file. */
    public boolean hasPosition() {
        return line > 0;
    }
}
