package dev.readbackplan;

/**
 * The outcome of comparing an existing plan file with the plan regenerated from its snapshot.
 *
 * @param upToDate whether the file holds exactly the bytes the generator would write
 * @param pointer the JSON Pointer of the first difference in output order ({@code ""} for the whole
 *     document), or null when up to date
 * @param difference a short description of that difference for people, or null when up to date;
 *     values longer than a few dozen characters are shortened and secret-shaped ones are not shown
 */
public record PlanComparison(boolean upToDate, String pointer, String difference) {}
