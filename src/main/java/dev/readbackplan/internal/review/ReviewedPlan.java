package dev.readbackplan.internal.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.readbackplan.internal.concurrent.Once;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * The plan a review reviewed, for what needs more of it than the review keeps (a Markdown review quotes
 * evidence, SARIF locates its results in the bytes, the reviewed plan is written from the tree): held
 * when the plan was read whole, or read again on first use when it was reviewed as it streamed. A plan
 * read again must still be the bytes that were reviewed, by their SHA-256: a file changed since fails,
 * it is never rendered or rewritten in place of the one reviewed. Thread-safe.
 */
public final class ReviewedPlan {
    /**
     * The plan's tree and bytes.
     *
     * @param tree the plan's tree, as read
     * @param data the plan's bytes, the first {@code length} of it
     * @param length how many bytes of {@code data} are the plan's
     */
    public record Loaded(JsonNode tree, byte[] data, int length) {
        public Loaded {
            Objects.requireNonNull(tree, "tree");
            Objects.requireNonNull(data, "data");
        }

        /** {@return the plan's bytes, exactly} */
        public byte[] bytes() {
            return data.length == length ? data : Arrays.copyOf(data, length);
        }
    }

    /** Reads the plan again; thrown exceptions reach the caller of {@link #loaded()}. */
    public interface Reader {
        /**
         * Reads the plan as it was reviewed.
         *
         * @return its tree and bytes
         * @throws IOException when it cannot be read, or is no longer the plan that was reviewed
         */
        Loaded read() throws IOException;
    }

    private final Once<Loaded> loaded;

    private ReviewedPlan(Once<Loaded> loaded) {
        this.loaded = loaded;
    }

    /**
     * A plan the review holds.
     *
     * @param tree its tree
     * @param data its bytes, the first {@code length} of it
     * @param length how many bytes of {@code data} are the plan's
     * @return the plan
     */
    public static ReviewedPlan held(JsonNode tree, byte[] data, int length) {
        Loaded plan = new Loaded(tree, data, length);
        return new ReviewedPlan(new Once<>(() -> plan));
    }

    /**
     * A plan read again on first use.
     *
     * @param reader how it is read (and checked to be the plan reviewed)
     * @return the plan
     */
    public static ReviewedPlan readAgain(Reader reader) {
        return new ReviewedPlan(new Once<>(() -> {
            try {
                return reader.read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    /**
     * {@return the plan's tree and bytes}
     * @throws UncheckedIOException when it was read again and could not be, or changed since it was reviewed
     */
    public Loaded loaded() {
        return loaded.get();
    }
}
