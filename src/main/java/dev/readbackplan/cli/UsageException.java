package dev.readbackplan.cli;

/** A command line that cannot be run: exit status 2, with a message and a hint to see the help. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
