package dev.readbackplan.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small command-line parser with the conventions of Python's argparse, so that the CLI is a drop-in
 * for the reference script: {@code --name value} and {@code --name=value}, any unambiguous prefix of a
 * long option ({@code --gen} for {@code --generated-at}), the last occurrence wins, and {@code --}
 * ends the options.
 */
final class Arguments {
    /** One option: {@code --name}, with or without a value. */
    record Option(String name, String metavar, String help) {
        boolean takesValue() {
            return metavar != null;
        }

        /** The values the option accepts when its metavar lists them ({@code text|json|sarif}); empty when any. */
        List<String> choices() {
            return metavar != null && metavar.contains("|") ? List.of(metavar.split("\\|")) : List.of();
        }
    }

    /** The options given (flags map to "true") and the other arguments, in order. */
    record Parsed(Map<String, String> values, List<String> positionals) {
        boolean has(String name) {
            return values.containsKey(name);
        }

        String get(String name) {
            return values.get(name);
        }
    }

    private Arguments() {}

    static Parsed parse(List<Option> options, List<String> args) throws UsageException {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> positionals = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                positionals.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!isOption(arg)) {
                positionals.add(arg);
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            Option option = find(options, name);
            if (!option.takesValue()) {
                if (equals >= 0) {
                    throw new UsageException("argument " + option.name() + ": takes no value");
                }
                values.put(option.name(), "true");
            } else if (equals >= 0) {
                values.put(option.name(), arg.substring(equals + 1));
            } else if (i + 1 < args.size() && !isOption(args.get(i + 1))) {
                values.put(option.name(), args.get(++i));
            } else {
                throw new UsageException("argument " + option.name() + ": expected one argument");
            }
        }
        return new Parsed(values, positionals);
    }

    /**
     * The value of an option whose metavar lists its values, or {@code defaultValue} when it is not
     * given; any other value is a usage error naming them ("must be text, json or sarif").
     */
    static String choice(Parsed parsed, Option option, String defaultValue) throws UsageException {
        String value = parsed.values().getOrDefault(option.name(), defaultValue);
        List<String> choices = option.choices();
        if (!choices.contains(value)) {
            throw new UsageException("argument " + option.name() + ": must be "
                    + String.join(", ", choices.subList(0, choices.size() - 1)) + " or " + choices.get(choices.size() - 1));
        }
        return value;
    }

    private static boolean isOption(String arg) {
        return arg.startsWith("-") && arg.length() > 1 && !negativeNumber(arg);
    }

    /**
     * Whether {@code arg}, which starts with {@code -}, is a negative number ({@code -5}, {@code -1.5},
     * {@code -2.}: ASCII digits, then a point and digits optionally), which is a value, not an option.
     * Written out, not a regular expression: on JDK 17 the first pattern compiled in a run links the
     * regex engine's lambdas, a tenth of the main thread's samples of a one-candidate generation when
     * this class compiled one (the next pattern of the run now pays part of it: with the launcher's and
     * PlanOptions' changes of the same round, the run took 0.98 of the time). ArgumentsTest holds this
     * to the pattern {@code -\d+(\.\d*)?}.
     */
    static boolean negativeNumber(String arg) {
        int i = 1;
        while (i < arg.length() && isAsciiDigit(arg.charAt(i))) {
            i++;
        }
        if (i == 1) {
            return false;
        }
        if (i < arg.length() && arg.charAt(i) == '.') {
            i++;
            while (i < arg.length() && isAsciiDigit(arg.charAt(i))) {
                i++;
            }
        }
        return i == arg.length();
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static Option find(List<Option> options, String name) throws UsageException {
        List<Option> prefixed = new ArrayList<>();
        for (Option option : options) {
            if (option.name().equals(name)) {
                return option;
            }
            if (name.startsWith("--") && name.length() > 2 && option.name().startsWith(name)) {
                prefixed.add(option);
            }
        }
        if (prefixed.size() == 1) {
            return prefixed.get(0);
        }
        if (prefixed.isEmpty()) {
            throw new UsageException("unrecognized argument: " + name);
        }
        List<String> names = prefixed.stream().map(Option::name).toList();
        throw new UsageException("ambiguous option: " + name + " could match " + String.join(", ", names));
    }

    /** The options part of a help text: one line per option, aligned. */
    static String describe(List<Option> options) {
        StringBuilder text = new StringBuilder();
        for (Option option : options) {
            String left = "  " + option.name() + (option.takesValue() ? " " + option.metavar() : "");
            text.append(left);
            text.append(" ".repeat(Math.max(2, 28 - left.length())));
            if (left.length() >= 28) {
                text.append('\n').append(" ".repeat(28));
            }
            text.append(option.help()).append('\n');
        }
        return text.toString();
    }
}
