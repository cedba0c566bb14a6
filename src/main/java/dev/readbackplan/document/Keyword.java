package dev.readbackplan.document;

import java.util.Optional;

/**
 * The library's own problem keywords: the rules it checks besides those of the JSON Schemas. A
 * {@link Problem#keyword()} is one of these ids or a JSON Schema keyword such as {@code required}; {@link
 * Problem#toolKeyword()} tells which. The ids are those of the JSON report ({@code keyword}) and of the
 * SARIF rules, in the order SARIF lists them.
 */
public enum Keyword {
    /** Not well-formed JSON (RFC 8259). */
    SYNTAX("syntax"),
    /** Not UTF-8: an invalid byte sequence, an unpaired surrogate escape, or a UTF-16 or UTF-32 file. */
    ENCODING("encoding"),
    /** A reading limit exceeded (size, depth, string or number length, candidates), or problems not shown. */
    LIMIT("limit"),
    /** The same key twice in one object. */
    DUPLICATE_KEY("duplicate-key"),
    /** A surface, acceptance candidate or plan candidate id repeated. */
    DUPLICATE_ID("duplicate-id"),
    /** A plan candidate id that does not follow from its {@code surface_id}. */
    CANDIDATE_ID("candidate-id"),
    /** A summary count that differs from the count of the candidates. */
    SUMMARY_COUNT("summary-count"),
    /** An unknown snapshot property a small edit away from a known one. */
    UNKNOWN_PROPERTY("unknown-property"),
    /** A secret-shaped string or key. */
    SECRET("secret"),
    /** A raw JSON payload or multi-line blob. */
    RAW_PAYLOAD("raw-payload"),
    /** A document of unknown kind, or of another kind than it was read as. */
    KIND("kind");

    private final String id;

    Keyword(String id) {
        this.id = id;
    }

    /**
     * The keyword as reports spell it: the {@code keyword} of the JSON report and the SARIF rule id.
     *
     * @return lower-case words joined by '-', such as {@code duplicate-key}
     */
    public String id() {
        return id;
    }

    /**
     * The library's keyword spelled {@code id}.
     *
     * @param id a problem's keyword
     * @return the keyword, or empty when {@code id} is not one of the library's (a JSON Schema keyword)
     */
    public static Optional<Keyword> fromId(String id) {
        for (Keyword keyword : values()) {
            if (keyword.id.equals(id)) {
                return Optional.of(keyword);
            }
        }
        return Optional.empty();
    }

    /** {@return the id, as reports spell it} */
    @Override
    public String toString() {
        return id;
    }
}
