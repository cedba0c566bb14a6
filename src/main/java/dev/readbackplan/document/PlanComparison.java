package dev.readbackplan.document;

import dev.readbackplan.internal.text.Display;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of comparing an existing plan file with the plan regenerated from its snapshot.
 * Immutable. Only the library makes one, and only in a state that can occur: up to date (no pointer,
 * no description), missing (at the root), or out of date with a description of its first difference.
 */
public final class PlanComparison {
    /** How the file compares. */
    public enum State {
        /** The file holds exactly the bytes the generator writes. */
        UP_TO_DATE,
        /** The file differs; the pointer and the description say where first. */
        OUT_OF_DATE,
        /** There is no file to compare with. */
        MISSING
    }

    private static final PlanComparison MATCHING = new PlanComparison(State.UP_TO_DATE, List.of(), "");
    private static final PlanComparison MISSING = new PlanComparison(State.MISSING, List.of(), "the plan file does not exist");

    private final State state;
    private final List<String> pointerSegments;
    private final String difference;

    private PlanComparison(State state, List<String> pointerSegments, String difference) {
        this.state = state;
        this.pointerSegments = List.copyOf(pointerSegments);
        this.difference = difference;
    }

    /** {@return the comparison of a file that is up to date} */
    public static PlanComparison matching() {
        return MATCHING;
    }

    /** {@return the comparison when there is no file} */
    public static PlanComparison missing() {
        return MISSING;
    }

    /**
     * A file that is out of date, by the segments of its first difference.
     *
     * @param pointerSegments the keys and indexes of the first difference (empty for the whole document)
     * @param difference what differs, for people; values longer than a few dozen characters shortened,
     *     secret-shaped ones not shown, invisible characters escaped
     * @return the comparison of a file that is out of date
     * @throws NullPointerException when an argument or a segment is null
     * @throws IllegalArgumentException when {@code difference} is blank: an out-of-date file says what differs
     */
    public static PlanComparison differs(List<String> pointerSegments, String difference) {
        if (Objects.requireNonNull(difference, "difference").isBlank()) {
            throw new IllegalArgumentException("an out-of-date comparison says what differs");
        }
        return new PlanComparison(State.OUT_OF_DATE, pointerSegments, difference);
    }

    /** {@return up to date, out of date, or no file to compare with} */
    public State state() {
        return state;
    }

    /** {@return the keys and indexes of the first difference in output order; empty for the whole document, and when up to date} */
    public List<String> pointerSegments() {
        return pointerSegments;
    }

    /** {@return a short description of the first difference for people; empty when up to date} */
    public String difference() {
        return difference;
    }

    /** {@return whether the file holds exactly the bytes the generator writes} */
    public boolean upToDate() {
        return state == State.UP_TO_DATE;
    }

    /** {@return the pointer of the first difference as reports show it: redacted, shortened, escaped ({@code (root)} for the whole document)} */
    public String displayPointer() {
        return Display.pointerForText(pointerSegments);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof PlanComparison that && state == that.state && pointerSegments.equals(that.pointerSegments)
                && difference.equals(that.difference);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, pointerSegments, difference);
    }

    /** {@return the comparison for people: its state, and where and what differs, safe to print} */
    @Override
    public String toString() {
        return upToDate() ? state.toString() : state + " at " + displayPointer() + ": " + difference;
    }
}
