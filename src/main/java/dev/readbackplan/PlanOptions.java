package dev.readbackplan;

import dev.readbackplan.internal.SchemaSet;
import dev.readbackplan.internal.SchemaFindings;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The provenance written into a plan: when it was generated and from which commit.
 *
 * <p>Both values must be what the plan schema accepts there; {@link #check()} says whether they are.
 * The planner checks them before it writes anything, and refuses invalid ones with an {@link
 * IllegalArgumentException}. (They are not checked on construction because that needs the compiled
 * schemas, which the planner prepares in the background while it reads the snapshot.)
 *
 * @param generatedAt an RFC 3339 date-time with an offset, written as given, e.g. {@code
 *     2026-01-01T00:00:00+08:00}
 * @param gitCommit an abbreviated commit id (lower-case hex), or {@code unknown}
 */
public record PlanOptions(String generatedAt, String gitCommit) {
    /** The reference generator's clock: Asia/Taipei, which has no daylight saving time. */
    private static final ZoneOffset TAIPEI = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

    public PlanOptions {
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(gitCommit, "gitCommit");
    }

    /**
     * These options, when the plan schema accepts both values.
     *
     * @throws IllegalArgumentException naming the value that the plan schema would reject
     */
    public PlanOptions check() {
        check("generated_at", generatedAt,
                "generatedAt must be an RFC 3339 date-time with an offset, such as 2026-01-01T00:00:00+08:00");
        check("git_commit", gitCommit,
                "gitCommit must be an abbreviated commit id (4 to 64 lower-case hex digits) or \"unknown\"");
        return this;
    }

    /** Generated now, to the second, at +08:00 as the reference generator does; commit unknown. */
    public static PlanOptions defaults() {
        return new PlanOptions(now(), "unknown");
    }

    /** The current time as the reference generator writes it, e.g. {@code 2026-11-27T08:07:54+08:00}. */
    public static String now() {
        return OffsetDateTime.now(TAIPEI).truncatedTo(ChronoUnit.SECONDS).format(SECONDS);
    }

    public PlanOptions withGeneratedAt(String value) {
        return new PlanOptions(value, gitCommit);
    }

    public PlanOptions withGitCommit(String value) {
        return new PlanOptions(generatedAt, value);
    }

    private static void check(String property, String value, String message) {
        if (!SchemaFindings.validate(SchemaSet.get().planProperty(property), JsonNodeFactory.instance.textNode(value), "").isEmpty()) {
            throw new IllegalArgumentException(message);
        }
    }
}
