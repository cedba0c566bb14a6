package dev.readbackplan.document;

import java.util.Locale;

/** How serious a {@link Problem} is. */
public enum Severity {
    /** The document is invalid; nothing is generated from it. */
    ERROR,
    /** Suspicious but not invalid, such as a summary count that disagrees with the candidates. */
    WARNING;

    /** {@return the lower-case name used in reports: {@code error} or {@code warning}} */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
