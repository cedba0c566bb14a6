package dev.readbackplan;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The provenance written into a plan: when it was generated and from which commit.
 *
 * <p>Both values must be what the plan schema accepts there; {@link ReadbackPlanner#check(PlanOptions)}
 * says whether they are. The planner checks them before it writes anything, and refuses invalid ones
 * with an {@link IllegalArgumentException}. (They are not checked on construction because that needs
 * the compiled schemas, which the planner prepares in the background while it reads the snapshot.)
 *
 * @param generatedAt an RFC 3339 date-time with an offset, written as given, e.g. {@code
 *     2026-01-01T00:00:00+08:00}
 * @param gitCommit an abbreviated commit id (lower-case hex), or {@code unknown}
 * @param strict whether warnings about the snapshot (such as summary counts that disagree with the
 *     candidates, or a secret in a field the plan never copies) refuse the generation, as errors do
 */
public record PlanOptions(String generatedAt, String gitCommit, boolean strict) {
    /** The reference generator's clock: Asia/Taipei, which has no daylight saving time. */
    private static final ZoneOffset TAIPEI = ZoneOffset.ofHours(8);

    /**
     * Checks the components.
     *
     * @param generatedAt an RFC 3339 date-time with an offset, written as given
     * @param gitCommit an abbreviated commit id (lower-case hex), or {@code unknown}
     * @param strict whether warnings about the snapshot refuse the generation
     * @throws NullPointerException when a value is null
     */
    public PlanOptions {
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(gitCommit, "gitCommit");
    }

    /**
     * Options that let warnings through (reported, not refused).
     *
     * @param generatedAt an RFC 3339 date-time with an offset, written as given
     * @param gitCommit an abbreviated commit id (lower-case hex), or {@code unknown}
     */
    public PlanOptions(String generatedAt, String gitCommit) {
        this(generatedAt, gitCommit, false);
    }

    /** {@return options for a plan generated now, to the second, at +08:00 as the reference generator does; commit unknown; not strict} */
    public static PlanOptions defaults() {
        return new PlanOptions(now(), "unknown");
    }

    /** {@return the current time as the reference generator writes it, e.g. {@code 2026-11-27T08:07:54+08:00}} */
    public static String now() {
        return format(OffsetDateTime.now(TAIPEI).truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * {@code time} as {@code DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx")} writes it, written
     * out for the years 0 to 9999: initialising {@code java.time.format} took about 3% of a
     * one-candidate generation's main thread, on every run (PlanOptionsFormatTest holds the two
     * together).
     */
    static String format(OffsetDateTime time) {
        int year = time.getYear();
        if (year < 0 || year > 9999) {
            return time.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx"));
        }
        int offset = time.getOffset().getTotalSeconds();
        StringBuilder text = new StringBuilder(25);
        pad(text, year, 4).append('-');
        pad(text, time.getMonthValue(), 2).append('-');
        pad(text, time.getDayOfMonth(), 2).append('T');
        pad(text, time.getHour(), 2).append(':');
        pad(text, time.getMinute(), 2).append(':');
        int minutes = Math.abs(offset) / 60; // xxx: hours and minutes, seconds left out; +00:00 when both are 0
        pad(text, time.getSecond(), 2).append(offset < 0 && minutes > 0 ? '-' : '+');
        pad(text, minutes / 60, 2).append(':');
        return pad(text, minutes % 60, 2).toString();
    }

    private static StringBuilder pad(StringBuilder text, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }

    /**
     * A copy with another {@code generated_at}.
     *
     * @param value the new {@code generated_at}
     * @return these options with another {@code generated_at}
     */
    public PlanOptions withGeneratedAt(String value) {
        return new PlanOptions(value, gitCommit, strict);
    }

    /**
     * A copy with another {@code git_commit}.
     *
     * @param value the new {@code git_commit}
     * @return these options with another {@code git_commit}
     */
    public PlanOptions withGitCommit(String value) {
        return new PlanOptions(generatedAt, value, strict);
    }

    /**
     * A copy, strict or not.
     *
     * @param value whether warnings refuse the generation
     * @return these options, strict or not
     */
    public PlanOptions withStrict(boolean value) {
        return new PlanOptions(generatedAt, gitCommit, value);
    }
}
