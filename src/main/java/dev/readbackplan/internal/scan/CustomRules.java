package dev.readbackplan.internal.scan;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.readbackplan.document.Keyword;
import dev.readbackplan.internal.json.Finding;
import dev.readbackplan.internal.json.Findings;
import dev.readbackplan.internal.json.PointerPath;
import dev.readbackplan.internal.secret.SecretScanner;
import dev.readbackplan.internal.text.Display;
import dev.readbackplan.internal.text.Pointer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Secret rules a team adds on top of the built-in table, read from a gitleaks configuration
 * ({@code [[rules]]} with {@code id}, {@code description}, {@code regex}, {@code keywords},
 * {@code entropy}, {@code secretGroup}, per-rule {@code [[rules.allowlists]]} or
 * {@code [rules.allowlist]}, and global {@code [allowlist]} or {@code [[allowlists]]} with
 * {@code regexes}, {@code regexTarget}, {@code stopwords}, {@code condition} and {@code targetRules}).
 * Immutable and thread-safe. Internal API; the public face is {@code dev.readbackplan.CustomSecretRules}.
 *
 * <p>Semantics follow gitleaks where they apply to a single string: a rule runs only when the string,
 * in lower case, holds one of its keywords (any, when it has none); each match's secret is the
 * {@code secretGroup}'s text, or the first non-empty group's, or the whole match; a match counts when
 * the secret's Shannon entropy is above {@code entropy} (when set) and no allowlist allows it. An
 * allowlist allows a match when its regexes match the target ({@code secret} by default, {@code match}
 * or {@code line}, here the whole string) or the secret holds one of its stopwords (in any case); with
 * {@code condition = "AND"} every criterion it has must hold. {@code paths} and {@code commits} name
 * files and commits, which a JSON string has not: a rule with a {@code path} (which gitleaks fires
 * only in files whose path matches) is skipped and listed in {@link #skipped()}; allowlists'
 * {@code paths} and {@code commits} never allow (with {@code condition = "AND"}, never all hold).
 *
 * <p>Patterns are RE2/J, which reads Go's syntax and runs in time linear in its input; a construct it
 * refuses (a backreference, a lookaround) is an error naming the rule. A rule reads at most
 * {@link #MAX_MATCHES} matches of a string.
 */
public final class CustomRules {
    /** No custom rules. */
    public static final CustomRules NONE = new CustomRules(List.of(), List.of(), List.of());
    static final int MAX_MATCHES = 64;
    static final int MAX_RULES = 2000;
    static final int MAX_REGEX_LENGTH = 20_000;

    /** A rule file that cannot be used: the message names the file, the line and the rule. */
    public static final class InvalidRulesException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidRulesException(String message) {
            super(message);
        }
    }

    record Allowlist(List<Pattern> regexes, String target, List<String> stopwords, boolean and, Set<String> targetRules,
            boolean pathsOrCommits) {

        boolean allows(String ruleId, String value, String match, String secret) {
            if (!targetRules.isEmpty() && !targetRules.contains(ruleId)) {
                return false;
            }
            Boolean byRegex = null;
            if (!regexes.isEmpty()) {
                String text = switch (target) {
                    case "match" -> match;
                    case "line" -> value;
                    default -> secret;
                };
                byRegex = false;
                for (Pattern regex : regexes) {
                    if (regex.matcher(text).find()) {
                        byRegex = true;
                        break;
                    }
                }
            }
            Boolean byStopword = null;
            if (!stopwords.isEmpty()) {
                String lower = secret.toLowerCase(Locale.ROOT);
                byStopword = false;
                for (String stopword : stopwords) {
                    if (lower.contains(stopword)) {
                        byStopword = true;
                        break;
                    }
                }
            }
            if (byRegex == null && byStopword == null) {
                return false; // only paths or commits: nothing here to allow
            }
            if (and) {
                // gitleaks counts a path or commit criterion as failed when the fragment has none, as here.
                return !pathsOrCommits && !Boolean.FALSE.equals(byRegex) && !Boolean.FALSE.equals(byStopword);
            }
            return Boolean.TRUE.equals(byRegex) || Boolean.TRUE.equals(byStopword);
        }
    }

    record Rule(SecretScanner.Kind kind, Pattern regex, String[] keywords, double entropy, int secretGroup,
            List<Allowlist> allowlists) {}

    private final List<Rule> rules;
    private final List<Allowlist> global;
    private final List<String> skipped;

    private CustomRules(List<Rule> rules, List<Allowlist> global, List<String> skipped) {
        this.rules = List.copyOf(rules);
        this.global = List.copyOf(global);
        this.skipped = List.copyOf(skipped);
    }

    /** The ids of the rules, in file order. */
    public List<String> ids() {
        return rules.stream().map(rule -> rule.kind().ruleId()).toList();
    }

    /** The ids of the rules skipped because they only name file paths. */
    public List<String> skipped() {
        return skipped;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * Reads a gitleaks configuration. {@code builtIn} says whether an id may not repeat a built-in
     * rule's (true for rules added on top of the table; false to read gitleaks' own table alone).
     */
    public static CustomRules readGitleaks(String text, String source, boolean builtIn) throws InvalidRulesException {
        Map<String, Object> root;
        try {
            root = TomlSubset.parse(text);
        } catch (TomlSubset.TomlException e) {
            throw new InvalidRulesException(source + ":" + e.line() + ": not a gitleaks configuration (TOML): " + e.getMessage());
        }
        List<Allowlist> global = new ArrayList<>();
        for (Map<String, Object> table : tables(root, "allowlist", "allowlists", source, "the global allowlist")) {
            global.add(allowlist(table, source, "the global allowlist", true));
        }
        Object list = root.get("rules");
        if (list != null && !(list instanceof List<?>)) {
            throw new InvalidRulesException(source + ": rules must be [[rules]] tables");
        }
        Set<String> builtInIds = new HashSet<>();
        if (builtIn) {
            SecretScanner.rules().forEach(kind -> builtInIds.add(kind.ruleId()));
        }
        List<Rule> rules = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        int n = 0;
        for (Object item : list == null ? List.of() : (List<?>) list) {
            n++;
            if (!(item instanceof Map<?, ?>)) {
                throw new InvalidRulesException(source + ": rule " + n + " is not a [[rules]] table");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> table = (Map<String, Object>) item;
            int line = (Integer) table.get(TomlSubset.LINE);
            String where = source + ":" + line + ": rule " + n;
            Object id = table.get("id");
            if (!(id instanceof String) || ((String) id).isBlank()) {
                throw new InvalidRulesException(where + " has no id (id = \"...\")");
            }
            String ruleId = (String) id;
            where = source + ":" + line + ": rule " + Display.text(ruleId);
            if (!ids.add(ruleId)) {
                throw new InvalidRulesException(where + ": the id is used by an earlier rule of the file");
            }
            if (builtInIds.contains(ruleId)) {
                throw new InvalidRulesException(where + ": the id is a built-in rule's; give the rule another id");
            }
            Object regex = table.get("regex");
            if (table.get("path") != null) {
                // gitleaks fires such a rule only in files whose path matches; a JSON string has no path.
                compile(table.get("path"), where + ": path");
                if (regex != null) {
                    compile(regex, where + ": regex");
                }
                skipped.add(ruleId);
                continue;
            }
            if (regex == null) {
                throw new InvalidRulesException(where + " has no regex");
            }
            Pattern pattern = compile(regex, where + ": regex");
            String[] keywords = strings(table.get("keywords"), where + ": keywords").stream()
                    .map(k -> k.toLowerCase(Locale.ROOT)).toArray(String[]::new);
            double entropy = 0;
            Object entropyValue = table.get("entropy");
            if (entropyValue instanceof Number number) {
                entropy = number.doubleValue();
            } else if (entropyValue != null) {
                throw new InvalidRulesException(where + ": entropy must be a number");
            }
            int secretGroup = 0;
            Object group = table.get("secretGroup");
            if (group instanceof Long number && number >= 0 && number <= pattern.groupCount()) {
                secretGroup = number.intValue();
            } else if (group != null) {
                throw new InvalidRulesException(where + ": secretGroup must be a group of the regex (0 to "
                        + pattern.groupCount() + ")");
            }
            List<Allowlist> allowlists = new ArrayList<>();
            for (Map<String, Object> allow : tables(table, "allowlist", "allowlists", source, "rule " + ruleId)) {
                allowlists.add(allowlist(allow, source, "rule " + Display.text(ruleId), false));
            }
            String shownId = Display.text(ruleId);
            rules.add(new Rule(new SecretScanner.Kind(ruleId, "a secret of the custom rule " + shownId
                   , true), pattern, keywords, entropy, secretGroup, allowlists));
            if (rules.size() > MAX_RULES) {
                throw new InvalidRulesException(source + ": more than " + MAX_RULES + " rules");
            }
        }
        return new CustomRules(rules, global, skipped);
    }

    private static List<Map<String, Object>> tables(Map<String, Object> parent, String single, String many, String source,
            String what) throws InvalidRulesException {
        List<Map<String, Object>> tables = new ArrayList<>();
        for (String key : List.of(single, many)) {
            Object value = parent.get(key);
            if (value == null) {
                continue;
            }
            List<?> items = value instanceof List<?> list ? list : List.of(value);
            for (Object item : items) {
                if (!(item instanceof Map<?, ?>)) {
                    throw new InvalidRulesException(source + ": " + what + ": " + key + " must be a table");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> table = (Map<String, Object>) item;
                tables.add(table);
            }
        }
        return tables;
    }

    private static Allowlist allowlist(Map<String, Object> table, String source, String what, boolean global)
            throws InvalidRulesException {
        String where = source + ":" + table.get(TomlSubset.LINE) + ": " + what + ": allowlist";
        List<Pattern> regexes = new ArrayList<>();
        for (String regex : strings(table.get("regexes"), where + ": regexes")) {
            regexes.add(compile(regex, where + ": regexes"));
        }
        Object target = table.getOrDefault("regexTarget", "secret");
        if (!List.of("secret", "match", "line").contains(target)) {
            throw new InvalidRulesException(where + ": regexTarget must be \"secret\", \"match\" or \"line\"");
        }
        Object condition = table.getOrDefault("condition", "OR");
        if (!(condition instanceof String c) || !c.equalsIgnoreCase("OR") && !c.equalsIgnoreCase("AND")) {
            throw new InvalidRulesException(where + ": condition must be \"OR\" or \"AND\"");
        }
        List<String> stopwords = strings(table.get("stopwords"), where + ": stopwords").stream()
                .map(word -> word.toLowerCase(Locale.ROOT)).toList();
        Set<String> targetRules = new HashSet<>(global ? strings(table.get("targetRules"), where + ": targetRules") : List.of());
        return new Allowlist(regexes, (String) target, stopwords, ((String) condition).equalsIgnoreCase("AND"), targetRules,
                table.containsKey("paths") || table.containsKey("commits"));
    }

    private static List<String> strings(Object value, String where) throws InvalidRulesException {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidRulesException(where + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof String text)) {
                throw new InvalidRulesException(where + " must be an array of strings");
            }
            out.add(text);
        }
        return out;
    }

    private static Pattern compile(Object regex, String where) throws InvalidRulesException {
        if (!(regex instanceof String text)) {
            throw new InvalidRulesException(where + " must be a string");
        }
        if (text.length() > MAX_REGEX_LENGTH) {
            throw new InvalidRulesException(where + " is longer than " + MAX_REGEX_LENGTH + " characters");
        }
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            // RE2 refuses what it cannot run in linear time (backreferences, lookarounds, possessive quantifiers).
            throw new InvalidRulesException(where + " does not compile as an RE2 (Go) regular expression: "
                    + Display.text(e.getDescription()) + " (RE2 runs in linear time, so it has no backreferences"
                    + " or lookarounds)");
        }
    }

    /** The first custom rule that finds a secret in {@code value}, or null. */
    public SecretScanner.Kind scan(String value) {
        if (value == null || rules.isEmpty()) {
            return null;
        }
        String lower = null;
        for (Rule rule : rules) {
            if (rule.keywords().length > 0) {
                if (lower == null) {
                    lower = value.toLowerCase(Locale.ROOT);
                }
                boolean found = false;
                for (String keyword : rule.keywords()) {
                    if (lower.contains(keyword)) {
                        found = true;
                        break;
                    }
                }
                if (!found) {
                    continue;
                }
            }
            if (matches(rule, value)) {
                return rule.kind();
            }
        }
        return null;
    }

    private boolean matches(Rule rule, String value) {
        Matcher m = rule.regex().matcher(value);
        for (int k = 0; k < MAX_MATCHES && m.find(); k++) {
            String match = m.group();
            String secret = match;
            if (rule.secretGroup() > 0) {
                secret = m.group(rule.secretGroup());
            } else {
                for (int g = 1; g <= m.groupCount(); g++) {
                    String text = m.group(g);
                    if (text != null && !text.isEmpty()) {
                        secret = text;
                        break;
                    }
                }
            }
            if (secret == null || secret.isEmpty()) {
                continue;
            }
            if (rule.entropy() > 0 && shannonEntropy(secret) <= rule.entropy()) {
                continue;
            }
            if (allowed(rule.allowlists(), rule, value, match, secret) || allowed(global, rule, value, match, secret)) {
                continue;
            }
            return true;
        }
        return false;
    }

    private static boolean allowed(List<Allowlist> allowlists, Rule rule, String value, String match, String secret) {
        for (Allowlist allowlist : allowlists) {
            if (allowlist.allows(rule.kind().ruleId(), value, match, secret)) {
                return true;
            }
        }
        return false;
    }

    /** Shannon entropy in bits per character, over the characters of {@code s}, as gitleaks computes it. */
    static double shannonEntropy(String s) {
        Map<Character, Integer> counts = new java.util.HashMap<>();
        for (int i = 0; i < s.length(); i++) {
            counts.merge(s.charAt(i), 1, Integer::sum);
        }
        double entropy = 0;
        for (int count : counts.values()) {
            double p = (double) count / s.length();
            entropy -= p * (Math.log(p) / Math.log(2));
        }
        return entropy;
    }

    /**
     * Adds a finding for every string in {@code node} (at {@code at}), keys included, that a custom rule
     * flags and the built-in table does not (a string the table flags is already reported, by its rule).
     */
    public void scan(JsonNode node, Pointer at, Findings findings) {
        if (!rules.isEmpty()) {
            StringFindings.walk(node, new PointerPath(at), findings, this::check);
        }
    }

    private void check(String text, String what, PointerPath path, String key, Findings findings) {
        SecretScanner.Kind kind = scan(text);
        if (kind != null && SecretScanner.scan(text) == null) {
            findings.add(Finding.scanned(key == null ? path.pointer() : path.pointer().key(key), Keyword.SECRET,
                    what + " looks like " + kind.description() + "; evidence must be a redacted reference, never the secret itself",
                    kind.ruleId()));
        }
    }
}
