package dev.readbackplan.internal.review;

import com.fasterxml.jackson.databind.JsonNode;
import dev.readbackplan.internal.concurrent.Once;
import dev.readbackplan.internal.io.DocumentBytes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

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

    /** Some members of each candidate, from bytes read again, without the plan's tree. */
    public interface MemberReader {
        /**
         * Reads some members of each candidate.
         *
         * @param bytes the plan's bytes (the bytes reviewed)
         * @param keys the members to keep
         * @return each candidate's members, in plan order, or null to read them from the tree
         */
        @Nullable JsonNode read(DocumentBytes bytes, List<String> keys);
    }

    private final Once<DocumentBytes> bytes;
    private final Once<JsonNode> tree;
    private final @Nullable MemberReader members;

    private ReviewedPlan(Once<DocumentBytes> bytes, Once<JsonNode> tree, @Nullable MemberReader members) {
        this.bytes = bytes;
        this.tree = tree;
        this.members = members;
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
        return new ReviewedPlan(new Once<>(() -> held), new Once<>(() -> tree), null);
    }

    /**
     * A plan read again on first use.
     *
     * @param reader how its bytes are read (and checked to be the bytes reviewed)
     * @param parse how its tree is read from them
     * @param members how some members of each candidate are read from them without the tree
     * @return the plan
     */
    public static ReviewedPlan readAgain(Reader reader, Function<DocumentBytes, JsonNode> parse, MemberReader members) {
        Once<DocumentBytes> bytes = new Once<>(() -> {
            try {
                return reader.read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new ReviewedPlan(bytes, new Once<>(() -> parse.apply(bytes.get())), members);
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
     * Some members of each candidate: from the tree when the review holds it, else read from the bytes
     * without building the plan's tree.
     *
     * @param keys the members wanted (others may be there too)
     * @return the candidates, in plan order, each an object with those of {@code keys} it has
     * @throws UncheckedIOException when the bytes were read again and could not be, or changed since they were reviewed
     */
    public JsonNode candidateMembers(List<String> keys) {
        if (members != null) {
            JsonNode read = members.read(bytes.get(), keys);
            if (read != null) {
                return read;
            }
        }
        return tree().get("readback_candidates");
    }

    /**
     * {@return the plan's tree}
     * @throws UncheckedIOException when its bytes were read again and could not be, or changed since they were reviewed
     */
    public JsonNode tree() {
        return tree.get();
    }
}
