package dev.readbackplan.cli;

import dev.readbackplan.ReadbackPlanner;

/** The project version, filled in by the build: the library's {@link ReadbackPlanner#VERSION}. */
final class Version {
    private Version() {}

    static String get() {
        return ReadbackPlanner.VERSION;
    }
}
