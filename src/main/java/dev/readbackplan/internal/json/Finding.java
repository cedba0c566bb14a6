package dev.readbackplan.internal.json;

import dev.readbackplan.document.Keyword;
import dev.readbackplan.document.Severity;
import dev.readbackplan.internal.text.Pointer;

/**
 * A problem before it has a line and column: where it is known as a byte offset in the document, or
 * only as a JSON Pointer to be located later (schema errors), or nowhere (typed models).
 */
public record Finding(Severity severity, Pointer pointer, long offset, String keyword, String message, String rule) {

    /** A finding that no scanner rule made ({@code rule} null). */
    public Finding(Severity severity, Pointer pointer, long offset, String keyword, String message) {
        this(severity, pointer, offset, keyword, message, null);
    }

    /** A secret or raw-payload finding of the scanner rule {@code rule} (its id, such as {@code telegram-bot-token}). */
    public static Finding scanned(Pointer pointer, Keyword keyword, String message, String rule) {
        return new Finding(Severity.ERROR, pointer, LOCATE_BY_POINTER, keyword.id(), message, rule);
    }

    /** The position is found from {@link #pointer()} when the report is made. */
    public static final long LOCATE_BY_POINTER = -1;
    /** The problem has no position in a file. */
    public static final long NO_POSITION = -2;

    /** An error of the library's own rule {@code keyword}, located by its pointer. */
    public static Finding error(Pointer pointer, Keyword keyword, String message) {
        return error(pointer, keyword.id(), message);
    }

    /** A warning of the library's own rule {@code keyword}, located by its pointer. */
    public static Finding warning(Pointer pointer, Keyword keyword, String message) {
        return warning(pointer, keyword.id(), message);
    }

    /** An error of the library's own rule {@code keyword} at a byte offset. */
    public static Finding errorAt(long offset, Pointer pointer, Keyword keyword, String message) {
        return errorAt(offset, pointer, keyword.id(), message);
    }

    /** Whether the library's own rule {@code keyword} found this. */
    public boolean is(Keyword keyword) {
        return this.keyword.equals(keyword.id());
    }

    public static Finding error(Pointer pointer, String keyword, String message) {
        return new Finding(Severity.ERROR, pointer, LOCATE_BY_POINTER, keyword, message);
    }

    public static Finding warning(Pointer pointer, String keyword, String message) {
        return new Finding(Severity.WARNING, pointer, LOCATE_BY_POINTER, keyword, message);
    }

    public static Finding errorAt(long offset, Pointer pointer, String keyword, String message) {
        return new Finding(Severity.ERROR, pointer, offset, keyword, message);
    }

    /** The same finding, as a warning. */
    public Finding asWarning() {
        return new Finding(Severity.WARNING, pointer, offset, keyword, message, rule);
    }
}
