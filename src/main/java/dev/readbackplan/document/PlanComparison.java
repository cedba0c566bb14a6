package dev.readbackplan.document;

import dev.readbackplan.internal.text.Display;
import dev.readbackplan.internal.text.Pointer;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of comparing an existing plan file with the plan regenerated from its snapshot.
 *
 * @param state up to date, out of date, or no file to compare with
 * @param pointerSegments the keys and indexes of the first difference in output order (empty for the
 *     whole document, and when up to date)
 * @param difference a short description of that difference for people (empty when up to date); values
 *     longer than a few dozen characters are shortened, secret-shaped ones are not shown, and invisible
 *     characters are escaped
 */
public record PlanComparison(State state, List<String> pointerSegments, String difference) {
    /** How the file compares. */
    public enum State {
        /** The file holds exactly the bytes the generator writes. */
        UP_TO_DATE,
        /** The file differs; the pointer and the description say where first. */
        OUT_OF_DATE,
        /** There is no file to compare with. */
        MISSING
    }

    /**
     * Checks and copies the components.
     *
     * @param state up to date, out of date, or no file to compare with
     * @param pointerSegments the keys and indexes of the first difference (empty for the whole document)
     * @param difference what differs, for people (empty when up to date)
     * @throws NullPointerException when a component is null
     */
    public PlanComparison {
        Objects.requireNonNull(state, "state");
        pointerSegments = List.copyOf(pointerSegments);
        Objects.requireNonNull(difference, "difference");
    }

    /** {@return the comparison of a file that is up to date} */
    public static PlanComparison matching() {
        return new PlanComparison(State.UP_TO_DATE, List.of(), "");
    }

    /** {@return the comparison when there is no file} */
    public static PlanComparison missing() {
        return new PlanComparison(State.MISSING, List.of(), "the plan file does not exist");
    }

    /** {@return whether the file holds exactly the bytes the generator writes} */
    public boolean upToDate() {
        return state == State.UP_TO_DATE;
    }

    /**
     * A file that is out of date, by the pointer of its first difference.
     *
     * @param pointer the RFC 6901 pointer of the first difference
     * @param difference what differs
     * @return the comparison of a file that is out of date
     */
    public static PlanComparison differs(String pointer, String difference) {
        return new PlanComparison(State.OUT_OF_DATE, Pointer.parse(pointer).segments(), difference);
    }

    /**
     * A file that is out of date, by the segments of its first difference.
     *
     * @param pointerSegments the keys and indexes of the first difference
     * @param difference what differs
     * @return the comparison of a file that is out of date
     */
    public static PlanComparison differs(List<String> pointerSegments, String difference) {
        return new PlanComparison(State.OUT_OF_DATE, pointerSegments, difference);
    }

    /** {@return the pointer of the first difference as reports show it: redacted, shortened, escaped ({@code (root)} for the whole document)} */
    public String displayPointer() {
        return Display.pointerForText(pointerSegments);
    }
}
