package dev.readbackplan.internal.schema;

/**
 * A schema pattern as the deterministic automaton the build made of it (the generator's {@code
 * PatternDfa}), for the generated checks: under the JIT's first tier, where the CLI runs,
 * java.util.regex's {@code find()} for the evidence reference's pattern took 6.8% of a large review,
 * and a table walk is a load and a compare per character. Here rather than in each generated class so
 * that the loop exists once and the generated code holds only tables.
 *
 * <p>Its answer is {@code Pattern.compile(regex).matcher(s).find()} for the pattern's regex, which is
 * {@code ^X\z} with X over ASCII only: any other character rejects. State 0 is dead; states from
 * {@code firstAccepting} on accept.
 */
final class PatternAutomaton {
    private final char[] classOf;
    private final char[] next;
    private final int width;
    private final int start;
    private final int firstAccepting;

    /**
     * Tables as the generator writes them: the class of each ASCII character, and {@code next[state *
     * width + class]} split into string constants each within a class file's limit.
     */
    PatternAutomaton(String classOf, int width, int start, int firstAccepting, String... next) {
        this.classOf = classOf.toCharArray();
        this.next = (next.length == 1 ? next[0] : String.join("", next)).toCharArray();
        this.width = width;
        this.start = start;
        this.firstAccepting = firstAccepting;
    }

    /** Whether the whole of {@code s} is in the pattern's language. */
    boolean matches(String s) {
        char[] table = next;
        char[] classes = classOf;
        int columns = width;
        int state = start;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 128) {
                return false;
            }
            state = table[state * columns + classes[c]];
            if (state == 0) {
                return false;
            }
        }
        return state >= firstAccepting;
    }
}
