package dev.readbackplan.document;

/**
 * Bounds on what the reader accepts and reports, so that no input can exhaust memory or the stack, or
 * flood a terminal.
 *
 * @param maxDocumentBytes largest document, in bytes (at most {@value #MAX_DOCUMENT_BYTES})
 * @param maxNestingDepth deepest nesting of objects and arrays (4 to {@value #MAX_NESTING_DEPTH})
 * @param maxStringLength longest string or key, in UTF-16 units
 * @param maxProblems most problems a report shows (1 to {@value #MAX_PROBLEMS}); the rest are counted
 */
public record Limits(long maxDocumentBytes, int maxNestingDepth, int maxStringLength, int maxProblems) {
    /** The most a document can be: arrays are indexed by int, and a plan must fit one. */
    public static final long MAX_DOCUMENT_BYTES = Integer.MAX_VALUE - 16;
    /**
     * The deepest nesting any limit allows. Reading and the string checks descend one level of the
     * document per call or two; 500 levels take well under half of a 512 KiB thread stack, whether the
     * code runs interpreted or compiled (a test runs the deepest document on such a thread; 1,000
     * levels overflowed it once), and no snapshot or plan is deeper than 4.
     */
    public static final int MAX_NESTING_DEPTH = 500;
    /** The most problems a report can show: more is no longer a report a person reads. */
    public static final int MAX_PROBLEMS = 100_000;

    /** 256 MiB, 128 levels, 1 Mi characters, 1,000 problems: far above any real snapshot or plan (a plan of 10,000 candidates is about 100 MB). */
    public static final Limits DEFAULT = new Limits(256L << 20, 128, 1 << 20, 1000);

    /**
     * Checks every limit against its range.
     *
     * @param maxDocumentBytes largest document, in bytes
     * @param maxNestingDepth deepest nesting of objects and arrays
     * @param maxStringLength longest string or key, in UTF-16 units
     * @param maxProblems most problems a report shows
     * @throws IllegalArgumentException when a limit is out of its range
     */
    public Limits {
        if (maxDocumentBytes < 1 || maxDocumentBytes > MAX_DOCUMENT_BYTES) {
            throw new IllegalArgumentException("maxDocumentBytes must be between 1 and " + MAX_DOCUMENT_BYTES);
        }
        if (maxNestingDepth < 4 || maxNestingDepth > MAX_NESTING_DEPTH) {
            throw new IllegalArgumentException("maxNestingDepth must be between 4 (the depth of a plan) and " + MAX_NESTING_DEPTH);
        }
        if (maxStringLength < 1) {
            throw new IllegalArgumentException("maxStringLength must be positive");
        }
        if (maxProblems < 1 || maxProblems > MAX_PROBLEMS) {
            throw new IllegalArgumentException("maxProblems must be between 1 and " + MAX_PROBLEMS);
        }
    }

    /**
     * Limits with the default number of problems shown.
     *
     * @param maxDocumentBytes largest document, in bytes
     * @param maxNestingDepth deepest nesting of objects and arrays
     * @param maxStringLength longest string or key, in UTF-16 units
     */
    public Limits(long maxDocumentBytes, int maxNestingDepth, int maxStringLength) {
        this(maxDocumentBytes, maxNestingDepth, maxStringLength, DEFAULT_MAX_PROBLEMS);
    }

    private static final int DEFAULT_MAX_PROBLEMS = 1000;
}
