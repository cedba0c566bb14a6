package dev.readbackplan;

/**
 * Bounds on what the reader accepts, so that no input can exhaust memory or the stack.
 *
 * @param maxDocumentBytes largest document, in bytes
 * @param maxNestingDepth deepest nesting of objects and arrays
 * @param maxStringLength longest string or key, in UTF-16 units
 */
public record Limits(long maxDocumentBytes, int maxNestingDepth, int maxStringLength) {
    /** 256 MiB, 128 levels, 1 Mi characters: far above any real snapshot or plan (a plan of 10,000 candidates is about 100 MB). */
    public static final Limits DEFAULT = new Limits(256L << 20, 128, 1 << 20);

    public Limits {
        if (maxDocumentBytes < 1 || maxDocumentBytes > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("maxDocumentBytes must be between 1 and 2 GiB");
        }
        if (maxNestingDepth < 4) {
            throw new IllegalArgumentException("maxNestingDepth must be at least 4, the depth of a plan");
        }
        if (maxStringLength < 1) {
            throw new IllegalArgumentException("maxStringLength must be positive");
        }
    }
}
