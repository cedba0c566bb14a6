package dev.readbackplan.document;

/** The two kinds of document this library reads. */
public enum DocumentKind {
    /** A monitoring owner-response acceptance snapshot: the generator's input. */
    SNAPSHOT,
    /** A monitoring post-incident readback plan v1: the generator's output. */
    PLAN
}
