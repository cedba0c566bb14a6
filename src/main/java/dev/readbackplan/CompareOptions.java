package dev.readbackplan;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What {@link ReadbackPlanner#compare(java.nio.file.Path, java.nio.file.Path, CompareOptions)} compares
 * a plan file with: its provenance, {@code generated_at} and {@code git_commit}, which change with every
 * run and commit. Each is taken from the existing file ({@link #fromFile()}) unless given here.
 * Immutable.
 */
public final class CompareOptions {
    private static final CompareOptions FROM_FILE = new CompareOptions(null, null);

    private final @Nullable String generatedAt;
    private final @Nullable String gitCommit;

    private CompareOptions(@Nullable String generatedAt, @Nullable String gitCommit) {
        this.generatedAt = generatedAt;
        this.gitCommit = gitCommit;
    }

    /**
     * Both values from the existing file; where the file has no valid value, those of {@link
     * PlanOptions#defaults()} apply (and will differ).
     *
     * @return options that take the provenance from the file
     */
    public static CompareOptions fromFile() {
        return FROM_FILE;
    }

    /**
     * A copy that compares with this {@code generated_at} instead of the file's.
     *
     * @param value an RFC 3339 date-time with an offset, as the plan schema accepts it
     * @return these options with {@code generated_at} given
     * @throws NullPointerException when {@code value} is null
     */
    public CompareOptions withGeneratedAt(String value) {
        return new CompareOptions(Objects.requireNonNull(value, "generatedAt"), gitCommit);
    }

    /**
     * A copy that compares with this {@code git_commit} instead of the file's.
     *
     * @param value an abbreviated commit id (lower-case hex), or {@code unknown}
     * @return these options with {@code git_commit} given
     * @throws NullPointerException when {@code value} is null
     */
    public CompareOptions withGitCommit(String value) {
        return new CompareOptions(generatedAt, Objects.requireNonNull(value, "gitCommit"));
    }

    /** {@return the {@code generated_at} to compare with, or empty for the file's} */
    public Optional<String> generatedAt() {
        return Optional.ofNullable(generatedAt);
    }

    /** {@return the {@code git_commit} to compare with, or empty for the file's} */
    public Optional<String> gitCommit() {
        return Optional.ofNullable(gitCommit);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof CompareOptions that && Objects.equals(generatedAt, that.generatedAt)
                && Objects.equals(gitCommit, that.gitCommit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(generatedAt, gitCommit);
    }

    /** {@return the options for people: each value given, or "from the file"} */
    @Override
    public String toString() {
        return "CompareOptions[generatedAt=" + (generatedAt == null ? "from the file" : generatedAt) + ", gitCommit="
                + (gitCommit == null ? "from the file" : gitCommit) + "]";
    }
}
