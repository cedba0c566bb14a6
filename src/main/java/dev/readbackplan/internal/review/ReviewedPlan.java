package dev.readbackplan.internal.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.readbackplan.internal.concurrent.Once;
import dev.readbackplan.internal.io.DocumentBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;

/**
 * The plan a review reviewed, for what needs more of it than the review keeps (SARIF locates its
 * results in the bytes, a Markdown review quotes evidence from the tree, the reviewed plan is written
 * from the tree): held when the plan was read whole, or read again on first use when it was reviewed
 * as it streamed, the bytes first and the tree only when asked for. Bytes read again must still be the
 * bytes that were reviewed, by their SHA-256: a file changed since fails, it is never rendered or
 * rewritten in place of the one reviewed. Thread-safe.
 */
public final class ReviewedPlan {
    /** Reads the plan's bytes again; thrown exceptions reach the caller of {@link #bytes()} or {@link #tree()}. */
    public interface Reader {
        /**
         * Reads the plan's bytes as they were reviewed.
         *
         * @return its bytes
         * @throws IOException when it cannot be read, or is no longer the plan that was reviewed
         */
        DocumentBytes read() throws IOException;
    }

    private final Once<DocumentBytes> bytes;
    private final Once<JsonNode> tree;

    private ReviewedPlan(Once<DocumentBytes> bytes, Once<JsonNode> tree) {
        this.bytes = bytes;
        this.tree = tree;
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
        Objects.requireNonNull(tree, "tree");
        DocumentBytes held = new DocumentBytes(data, length, false);
        return new ReviewedPlan(new Once<>(() -> held), new Once<>(() -> tree));
    }

    /**
     * A plan read again on first use.
     *
     * @param reader how its bytes are read (and checked to be the bytes reviewed)
     * @param parse how its tree is read from them
     * @return the plan
     */
    public static ReviewedPlan readAgain(Reader reader, Function<DocumentBytes, JsonNode> parse) {
        Once<DocumentBytes> bytes = new Once<>(() -> {
            try {
                return reader.read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new ReviewedPlan(bytes, new Once<>(() -> parse.apply(bytes.get())));
    }

    /**
     * {@return the plan's bytes, exactly}
     * @throws UncheckedIOException when they were read again and could not be, or changed since they were reviewed
     */
    public byte[] bytes() {
        DocumentBytes plan = bytes.get();
        return plan.data().length == plan.length() ? plan.data() : Arrays.copyOf(plan.data(), plan.length());
    }

    /**
     * {@return the plan's tree}
     * @throws UncheckedIOException when its bytes were read again and could not be, or changed since they were reviewed
     */
    public JsonNode tree() {
        return tree.get();
    }
}
