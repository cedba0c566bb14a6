package dev.readbackplan.cli;

import static dev.readbackplan.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, item 7: {@code --help}, the shell completion scripts and the man page come from one
 * description of the options ({@link Commands}, the lists parsing uses), and each lists every option
 * of every command. The bash script is run by bash, the man page rendered by groff.
 */
class CompletionAndManPageTest {
    @TempDir
    Path temp;

    @Test
    void theDescriptionIsWhatParsingUses() {
        List<Commands.Command> commands = Commands.all();
        assertEquals(List.of("", "validate", "review"), commands.stream().map(Commands.Command::name).toList());
        assertTrue(commands.get(0).options() == Cli.GENERATE_OPTIONS && commands.get(1).options() == Cli.VALIDATE_OPTIONS
                && commands.get(2).options() == ReviewCommand.OPTIONS);
        for (Commands.Command command : commands) {
            for (Arguments.Option option : command.options()) {
                // Each option is accepted by its command's parser under its name.
                List<String> args = new ArrayList<>();
                if (!command.name().isEmpty()) {
                    args.add(command.name());
                }
                args.add(option.name());
                if (option.takesValue()) {
                    args.add(option.choices().isEmpty() ? "x" : option.choices().get(0));
                }
                CliTest.Run run = run(args.toArray(String[]::new));
                assertFalse(run.err().contains("unrecognized argument"), args + " -> " + run.err());
            }
        }
    }

    @Test
    void theMainHelpListsEveryOptionOfEveryCommand() {
        String help = run("--help").out();
        int validate = help.indexOf("\nvalidate options:\n");
        int review = help.indexOf("\nreview options:\n");
        assertTrue(validate > 0 && review > validate, help);
        List<String> sections = List.of(help.substring(0, validate), help.substring(validate, review), help.substring(review));
        List<Commands.Command> commands = Commands.all();
        for (int i = 0; i < commands.size(); i++) {
            for (Arguments.Option option : commands.get(i).options()) {
                String line = "  " + option.name() + (option.takesValue() ? " " + option.metavar() : "");
                assertTrue(sections.get(i).contains("\n" + line + " "), line + " in\n" + sections.get(i));
            }
        }
        // review --help is as before: its own usage and options.
        String reviewHelp = run("review", "--help").out();
        assertTrue(reviewHelp.startsWith("usage: monitoring-readback-plan review "), reviewHelp);
        for (Arguments.Option option : ReviewCommand.OPTIONS) {
            assertTrue(reviewHelp.contains("\n  " + option.name()), option.name());
        }
    }

    @Test
    void bashCompletesEveryOptionOfEveryCommandAndTheValuesOfEachChoice() throws Exception {
        assumeTrue(onPath("bash"), "bash is not installed");
        CliTest.Run script = run("--completion", "bash");
        assertEquals(0, script.status(), script.err());
        Path file = temp.resolve("completion.bash");
        Files.writeString(file, script.out());
        for (Commands.Command command : Commands.all()) {
            String prefix = command.name().isEmpty() ? "" : command.name() + " ";
            List<String> expected = new ArrayList<>();
            command.options().forEach(option -> expected.add(option.name()));
            assertEquals(expected, complete(file, prefix + "--"), "options of '" + command.name() + "'");
            assertTrue(complete(file, prefix + "-").contains("-h"), "-h for '" + command.name() + "'");
            for (Arguments.Option option : command.options()) {
                if (!option.choices().isEmpty()) {
                    assertEquals(option.choices(), complete(file, prefix + option.name() + " "), option.name());
                    assertEquals(option.choices(), complete(file, prefix + option.name() + "="), option.name() + "=");
                }
            }
        }
        assertEquals(List.of("validate", "review"), complete(file, ""));
        assertEquals(List.of("review"), complete(file, "r"));
        assertEquals(List.of("markdown"), complete(file, "review --format m"));
        assertEquals(List.of("--reviewed-at"), complete(file, "review --reviewed"));
        assertEquals(List.of(), complete(file, "--generated-at "), "no guess for a timestamp");
    }

    /** What the bash function offers for the command line {@code words} (the last word being completed). */
    private List<String> complete(Path script, String words) throws IOException, InterruptedException {
        String program = "source '" + script + "'\n"
                + "read -ra COMP_WORDS <<< \"monitoring-readback-plan $1\"\n"
                + "[[ $1 == '' || $1 == *' ' ]] && COMP_WORDS+=('')\n"
                // Bash splits --name=value at the =, as COMP_WORDBREAKS says.
                + "if [[ ${COMP_WORDS[-1]} == *= ]]; then last=${COMP_WORDS[-1]}; unset 'COMP_WORDS[-1]'; COMP_WORDS+=(\"${last%=}\" '=' ''); fi\n"
                + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
                + "_monitoring_readback_plan\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        Process process = new ProcessBuilder("bash", "-c", program, "bash", words).directory(temp.toFile())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
        return output.lines().filter(line -> !line.isEmpty()).toList();
    }

    @Test
    void theZshScriptDeclaresEveryOptionOfEveryCommand() {
        CliTest.Run script = run("--completion", "zsh");
        assertEquals(0, script.status(), script.err());
        String zsh = script.out();
        assertTrue(zsh.startsWith("#compdef monitoring-readback-plan\n"), zsh);
        int validate = zsh.indexOf("\n        validate)\n");
        int review = zsh.indexOf("\n        review)\n");
        int main = zsh.indexOf("\n        *)\n");
        assertTrue(validate > 0 && review > validate && main > review, zsh);
        List<String> sections = List.of(zsh.substring(main), zsh.substring(validate, review), zsh.substring(review, main));
        List<Commands.Command> commands = Commands.all();
        for (int i = 0; i < commands.size(); i++) {
            for (Arguments.Option option : commands.get(i).options()) {
                String spec = "'" + option.name() + (option.takesValue() ? "=[" : "[");
                assertTrue(sections.get(i).contains("\n                " + spec), spec + " in\n" + sections.get(i));
            }
        }
        // Quotes in help texts are closed and reopened, never left open.
        zsh.lines().filter(line -> line.startsWith("                '"))
                .forEach(line -> assertEquals(0, line.replace("'\\''", "").chars().filter(c -> c == '\'').count() % 2, line));
    }

    @Test
    void theManPageListsEveryOptionOfEveryCommandAndRenders() throws Exception {
        CliTest.Run page = run("--man");
        assertEquals(0, page.status(), page.err());
        String roff = page.out();
        assertTrue(roff.contains("\n.TH MONITORING-READBACK-PLAN 1 "), roff);
        for (Commands.Command command : Commands.all()) {
            String heading = ".SH " + (command.name().isEmpty() ? "OPTIONS" : command.name().toUpperCase(java.util.Locale.ROOT)) + "\n";
            int start = roff.indexOf(heading);
            assertTrue(start > 0, heading);
            int end = roff.indexOf("\n.SH ", start + 1);
            String section = roff.substring(start, end);
            for (Arguments.Option option : command.options()) {
                assertTrue(section.contains(".TP\n\\fB" + option.name().replace("-", "\\-") + "\\fR"), option.name() + " in " + heading);
            }
        }
        assumeTrue(onPath("groff"), "groff is not installed (apt-get install groff-base)");
        Path file = temp.resolve("monitoring-readback-plan.1");
        Files.writeString(file, roff);
        // -ww -Wbreak: every warning but a line too long to break (a long default path); -P-cbou: plain text, no overstriking or escape sequences.
        Process process = new ProcessBuilder("groff", "-man", "-Tutf8", "-ww", "-Wbreak", "-P-cbou", file.toString()).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String warnings = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), warnings);
        assertEquals("", warnings);
        for (Commands.Command command : Commands.all()) {
            String heading = "\n" + (command.name().isEmpty() ? "OPTIONS" : command.name().toUpperCase(java.util.Locale.ROOT)) + "\n";
            int start = text.indexOf(heading);
            assertTrue(start > 0, heading + " in\n" + text);
            int end = text.indexOf("\n\n" + (char) 0, start);
            String section = text.substring(start, end < 0 ? text.length() : end);
            for (Arguments.Option option : command.options()) {
                // ASCII hyphens, as typed: a page that can be copied from.
                assertTrue(section.contains("\n       " + option.name()), option.name() + " in\n" + section);
            }
        }
        assertTrue(text.contains("141"), text);
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, program)));
    }
}
