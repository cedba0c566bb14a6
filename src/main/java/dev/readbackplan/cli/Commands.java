package dev.readbackplan.cli;

import java.util.List;

/**
 * The one description of the command line: each command with its operands and its options. Parsing
 * and {@code --help} read the same option lists, and the completion scripts ({@link Completion}) and
 * the man page ({@link ManPage}) are generated from this, so none of them can miss an option.
 */
final class Commands {
    /**
     * One command.
     *
     * @param name its word after the program's name; empty for generation, the main command
     * @param summary what it does, one sentence
     * @param operands its operands as the usage line shows them; empty when it takes none
     * @param options its options, in the order of {@code --help}
     */
    record Command(String name, String summary, String operands, List<Arguments.Option> options) {
        /** The command as typed: the program's name, then the command's. */
        String invocation() {
            return name.isEmpty() ? Cli.PROGRAM : Cli.PROGRAM + " " + name;
        }
    }

    private Commands() {}

    /** Every command: generation first, then {@code validate} and {@code review}. */
    static List<Command> all() {
        return List.of(
                new Command("", "Builds the readback plan from the snapshot found by --root and --source-report,"
                        + " byte for byte as the reference generator does.", "", Cli.GENERATE_OPTIONS),
                new Command("validate", "Checks snapshots and plans against their schemas and the rules a schema cannot say;"
                        + " - reads standard input.", "FILE...|-", Cli.VALIDATE_OPTIONS),
                new Command("review", "Reviews a filled readback plan against its snapshot: each candidate into its outcome lane;"
                        + " - reads the plan from standard input (not with --write).", "PLAN|-", ReviewCommand.OPTIONS));
    }

    /** What the value of an option is, for completion: one of its choices, a folder, a file, or free text. */
    enum ValueKind {
        NONE, CHOICE, FOLDER, FILE, TEXT;

        static ValueKind of(Arguments.Option option) {
            if (!option.takesValue()) {
                return NONE;
            }
            if (!option.choices().isEmpty()) {
                return CHOICE;
            }
            return switch (option.metavar()) {
                case "DIR" -> FOLDER;
                case "FILE", "PATH" -> FILE;
                default -> TEXT;
            };
        }
    }
}
