package dev.readbackplan;

import dev.readbackplan.internal.scan.CustomRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Secret rules a team adds on top of the built-in scanner table, read from a gitleaks configuration
 * file: {@code [[rules]]} with {@code id}, {@code description}, {@code regex}, {@code keywords},
 * {@code entropy}, {@code secretGroup} and per-rule allowlists ({@code [[rules.allowlists]]} or
 * {@code [rules.allowlist]}), and global allowlists ({@code [allowlist]} or {@code [[allowlists]]})
 * with {@code regexes}, {@code regexTarget}, {@code stopwords}, {@code condition} and
 * {@code targetRules}. Give them to a planner with {@link ReadbackPlanner#withSecretRules}. Immutable
 * and thread-safe.
 *
 * <p>Patterns use Go's (RE2) syntax and run in time linear in the string; a pattern RE2 refuses, a
 * missing or repeated id, or an id of a built-in rule is an error that names the file, the line and
 * the rule. A rule with a {@code path} (gitleaks fires it only in files whose path matches, and a
 * JSON string has no path) is skipped and listed in {@link #skipped()}; allowlists' {@code paths} and
 * {@code commits} never allow.
 * {@code [extend]} is ignored: the built-in table plays the part of gitleaks' default rules.
 */
public final class CustomSecretRules {
    private static final CustomSecretRules NONE = new CustomSecretRules(CustomRules.NONE);
    private final CustomRules rules;

    private CustomSecretRules(CustomRules rules) {
        this.rules = rules;
    }

    /** A rule file that cannot be used; the message names the file, the line and the rule, never a value. */
    public static final class InvalidRulesException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidRulesException(String message) {
            super(message);
        }
    }

    /** {@return no added rules} */
    public static CustomSecretRules none() {
        return NONE;
    }

    /**
     * Reads a gitleaks configuration file (UTF-8 TOML).
     *
     * @param file the file
     * @return its rules
     * @throws IOException when the file cannot be read
     * @throws InvalidRulesException when it is not a usable gitleaks configuration
     */
    public static CustomSecretRules readGitleaks(Path file) throws IOException, InvalidRulesException {
        String text = new String(Files.readAllBytes(Objects.requireNonNull(file, "file")), StandardCharsets.UTF_8);
        return readGitleaks(text, file.toString());
    }

    /**
     * Reads a gitleaks configuration from its text.
     *
     * @param text the TOML text
     * @param sourceName the name errors give the file
     * @return its rules
     * @throws InvalidRulesException when it is not a usable gitleaks configuration
     */
    public static CustomSecretRules readGitleaks(String text, String sourceName) throws InvalidRulesException {
        try {
            return new CustomSecretRules(CustomRules.readGitleaks(Objects.requireNonNull(text, "text"),
                    dev.readbackplan.internal.text.Display.text(Objects.requireNonNull(sourceName, "sourceName")), true));
        } catch (CustomRules.InvalidRulesException e) {
            throw new InvalidRulesException(Objects.requireNonNullElse(e.getMessage(), "invalid rules"));
        }
    }

    /** {@return the ids of the rules, in file order} */
    public List<String> ids() {
        return rules.ids();
    }

    /** {@return the ids of the rules skipped because they name file paths} */
    public List<String> skipped() {
        return rules.skipped();
    }

    /**
     * The id of the first added rule that finds a secret in {@code value} (the built-in table is not
     * consulted), or null.
     *
     * @param value a string
     * @return a rule id, or null
     */
    public @Nullable String scan(String value) {
        dev.readbackplan.internal.secret.SecretScanner.Kind kind = rules.scan(value);
        return kind == null ? null : kind.ruleId();
    }

    CustomRules rules() {
        return rules;
    }
}
