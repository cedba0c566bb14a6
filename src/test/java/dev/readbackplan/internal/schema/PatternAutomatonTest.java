package dev.readbackplan.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readbackplan.build.ValidatorGenerator;
import dev.readbackplan.build.ValidatorGenerator.PatternDfa;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The automata the generator builds for schema patterns answer exactly what {@code
 * Pattern.compile(regex).matcher(s).find()} answers, where regex is what the generator would compile
 * otherwise. Differential, on seeded strings per pattern: strings made to match by walking the parsed
 * expression (each counter at its bounds and one past them), their mutations (a character deleted,
 * inserted or replaced, non-ASCII, line terminators, a lone surrogate, a supplementary character), and
 * random strings over the pattern's own characters. The automaton runs as the generated checks run
 * it: {@link PatternAutomaton} over the constants the generator writes.
 */
class PatternAutomatonTest {
    /** Each construct of the subset, and the shapes where a backtracking engine could differ from a DFA. */
    private static final List<String> SYNTHETIC = List.of(
            "^a$",
            "^$",
            "^(?:ab|ac|abc)(?:d|)$",
            "^((a|b)(c|d))+e?$",
            "^(?:x(?:y(?:z)?)?)$",
            "^a{3}$",
            "^a{2,4}b{0,2}$",
            "^(?:ab){2,}c$",
            "^[a-c]*[b-d]+$",
            "^(?:[0-9]{1,3}\\.){3}[0-9]{1,3}$",
            "^(a|ab)(c|bcd)(d*)$",
            "^(?:a?){2,3}b$",
            "^(a*)*b$",
            "^(?:a|)+$",
            "^(?:a|b?)*c$",
            "^[\\-\\.\\/\\_\\~\\:\\\\]+x$",
            "^\\(\\)\\[\\]\\{\\}\\|\\?\\*\\+\\$\\^$",
            "^(?:commit:)?[0-9a-f]{7,9}$",
            "^[A-Z][A-Z0-9]{1,3}(?:-[A-Z0-9]{1,2}){1,3}$",
            "^a{0}b{0,0}c$",
            "^(?:)$",
            "^a b#c%d@e,f=g!h$",
            "^(x{2,3}){2,3}$");

    /** Outside the subset, or not of the shape ^X\z: the check keeps its Pattern. */
    private static final List<String> UNSUPPORTED = List.of("^a+?\\z", "^a++\\z", "^a{2}?\\z", "^.\\z", "^\\d\\z", "^\\s\\z", "^\\w\\z",
            "^[^a]\\z", "^(?=a)a\\z", "^(?!b)a\\z", "^(a)\\1\\z", "(?i)^a\\z", "^(?i:a)\\z", "^\\Qa\\E\\z", "^\u00e9\\z", "^[a-\u00e9]\\z", "a\\z",
            "^a", "^a$", "^a|b\\z", "^a\\z|^b\\z", "^(?:^a)\\z", "^a\\z\\z", "^a\\Z", "^\\ba\\z", "^[a-c&&b]\\z", "^[\\s]\\z", "^[-a]\\z",
            "^[a-]\\z", "^a{1000000}\\z", "^\\t\\z", "^\ta\\z", "^[\\p{L}]\\z", "^\\p{L}\\z", "^\\x41\\z", "^\\u0041\\z");

    @Test
    void answersAsTheRegexEngineOnEveryPackagedAndSyntheticPattern() {
        Set<String> schemaPatterns = FastCheckPatternTest.packagedPatterns();
        assertTrue(schemaPatterns.size() >= 7, "the packaged schemas' patterns: " + schemaPatterns);
        Set<String> regexes = new LinkedHashSet<>();
        schemaPatterns.forEach(p -> regexes.add(ValidatorGenerator.compiledPattern(p)));
        SYNTHETIC.forEach(p -> regexes.add(ValidatorGenerator.compiledPattern(p)));
        Random random = new Random(2026);
        int translated = 0;
        for (String regex : regexes) {
            PatternDfa dfa = PatternDfa.of(regex);
            if (dfa == null) {
                assertTrue(schemaPatterns.stream().map(ValidatorGenerator::compiledPattern).anyMatch(regex::equals),
                        "a synthetic pattern is not translated: " + regex);
                continue;
            }
            translated++;
            PatternAutomaton generated = new PatternAutomaton(dfa.classesText(), dfa.width, dfa.start, dfa.firstAccepting,
                    dfa.tableChunks().toArray(String[]::new));
            Pattern pattern = Pattern.compile(regex);
            PatternDfa.Node body = PatternDfa.anchoredBody(regex);
            String alphabet = alphabet(regex);
            int accepted = 0;
            int rejected = 0;
            int total = 60_000;
            for (int i = 0; i < total; i++) {
                String s;
                switch (i % 4) {
                    case 0, 1 -> s = matching(body, random, i % 8 == 0);
                    case 2 -> s = mutate(matching(body, random, false), alphabet, random);
                    default -> s = randomString(alphabet, random);
                }
                boolean expected = pattern.matcher(s).find();
                assertEquals(expected, generated.matches(s), () -> regex + " against \"" + s + "\"");
                if (expected) {
                    accepted++;
                } else {
                    rejected++;
                }
            }
            // Both answers in numbers, so that neither side is compared on one kind of string only.
            assertTrue(accepted > total / 10 && rejected > total / 10, regex + ": accepted " + accepted + ", rejected " + rejected);
        }
        assertTrue(translated >= SYNTHETIC.size() + 5, "translated " + translated);
    }

    @Test
    void theEvidenceReferencePatternIsAnAutomatonAndTheOthersShapesFallBack() {
        String evidence = FastCheckPatternTest.packagedPatterns().stream().filter(p -> p.contains("artifact://")).findFirst().orElseThrow();
        PatternDfa dfa = PatternDfa.of(ValidatorGenerator.compiledPattern(evidence));
        assertNotNull(dfa);
        assertTrue(dfa.states() < PatternDfa.MAX_STATES && dfa.tableChunks().size() > 1, dfa.states() + " states");
        for (String regex : UNSUPPORTED) {
            Pattern.compile(regex); // each is a pattern java.util.regex takes
            assertNull(PatternDfa.of(regex), regex);
        }
        // Too many states: the pattern stays a Pattern rather than failing the build.
        assertNull(PatternDfa.of("^(?:[ab]*a[ab]{16})\\z"));
    }

    @Test
    void theGeneratedChecksHoldAnAutomatonOrThePatternForEachSchemaPattern() throws Exception {
        Set<String> regexes = new LinkedHashSet<>();
        Set<String> fallbacks = new LinkedHashSet<>();
        for (String p : FastCheckPatternTest.packagedPatterns()) {
            String regex = ValidatorGenerator.compiledPattern(p);
            (PatternDfa.of(regex) == null ? fallbacks : regexes).add(regex);
        }
        assertTrue(!fallbacks.isEmpty() && regexes.size() >= 5, regexes + " / " + fallbacks);
        Set<String> held = new LinkedHashSet<>();
        int automata = 0;
        for (Class<?> check : List.of(MonitoringOwnerResponseAcceptanceSnapshotCheck.class, MonitoringPostIncidentReadbackPlanV1Check.class,
                MonitoringPostIncidentReadbackReviewV1Check.class)) {
            for (java.lang.reflect.Field field : check.getDeclaredFields()) {
                if (field.getType() == Pattern.class && java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    held.add(((Pattern) field.get(null)).pattern());
                }
            }
            for (Class<?> nested : check.getDeclaredClasses()) {
                if (nested.getDeclaredField("AUTOMATON").getType() == PatternAutomaton.class) {
                    automata++;
                }
            }
        }
        assertEquals(fallbacks, held);
        assertTrue(automata >= regexes.size(), "automata " + automata);
    }

    /** A string of the expression's language, or, when {@code near}, with one counter one past a bound. */
    private static String matching(PatternDfa.Node body, Random random, boolean near) {
        StringBuilder out = new StringBuilder();
        walk(body, random, near, out);
        return out.toString();
    }

    private static void walk(PatternDfa.Node node, Random random, boolean near, StringBuilder out) {
        if (node instanceof PatternDfa.Chars chars) {
            out.append(member(chars.set(), random));
        } else if (node instanceof PatternDfa.Seq seq) {
            seq.items().forEach(item -> walk(item, random, near, out));
        } else if (node instanceof PatternDfa.Alt alt) {
            walk(alt.options().get(random.nextInt(alt.options().size())), random, near, out);
        } else if (node instanceof PatternDfa.Repeat repeat) {
            int min = repeat.min();
            int max = repeat.max() < 0 ? min + 4 : repeat.max();
            int count = switch (random.nextInt(4)) {
                case 0 -> min;
                case 1 -> max;
                default -> min + random.nextInt(max - min + 1);
            };
            if (near && random.nextInt(4) == 0) {
                count = random.nextBoolean() ? Math.max(0, min - 1) : max + 1;
            }
            for (int k = 0; k < count; k++) {
                walk(repeat.body(), random, near, out);
            }
        }
    }

    private static char member(BitSet set, Random random) {
        int k = random.nextInt(set.cardinality());
        int c = set.nextSetBit(0);
        while (k-- > 0) {
            c = set.nextSetBit(c + 1);
        }
        return (char) c;
    }

    /** Characters the pattern names, their neighbours, and characters no pattern of the subset can hold. */
    private static String alphabet(String regex) {
        StringBuilder out = new StringBuilder(regex);
        for (char c : regex.toCharArray()) {
            out.append((char) (c + 1)).append((char) (c - 1));
        }
        return out.append("aZ09-_./:#~ \n\r\u0085\u2028\u00e9\u0100\ud800\udfff").toString();
    }

    private static String randomString(String alphabet, Random random) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(random.nextInt(10) == 0 ? 300 : 20);
        for (int k = 0; k < length; k++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static final String[] ODD = {"\u00e9", "\n", "\r\n", "\u2028", "\ud800", "\udc00", "\ud83d\ude00", "\u0000", "\u0085", "\u0141"};

    private static String mutate(String value, String alphabet, Random random) {
        StringBuilder s = new StringBuilder(value);
        for (int edits = 1 + random.nextInt(2); edits > 0; edits--) {
            int at = s.length() == 0 ? 0 : random.nextInt(s.length() + 1);
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            switch (random.nextInt(5)) {
                case 0 -> s.insert(at, c);
                case 1 -> {
                    if (at < s.length()) {
                        s.setCharAt(at, c);
                    }
                }
                case 2 -> {
                    if (at < s.length()) {
                        s.deleteCharAt(at);
                    }
                }
                case 3 -> s.insert(at, ODD[random.nextInt(ODD.length)]);
                default -> {
                    if (at < s.length()) {
                        s.replace(at, at + 1, ODD[random.nextInt(ODD.length)]);
                    }
                }
            }
        }
        return s.toString();
    }
}
