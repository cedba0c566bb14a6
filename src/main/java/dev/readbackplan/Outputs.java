package dev.readbackplan;

import dev.readbackplan.document.FileChangedException;
import dev.readbackplan.internal.io.OutputFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Files written the way this library writes plans, for callers that write their own outputs beside
 * them (a review report, a reviewed plan): each output is staged in a temporary file beside its target
 * and synced, then every output of a {@link Transaction} is renamed into place together, and only
 * while each target still holds what it held when it was {@linkplain #hold held}. A failure leaves
 * every target as it was. Devices, FIFOs and standard output are written into, never replaced.
 *
 * <pre>{@code
 * Outputs.Held plan = Outputs.hold(planFile);          // before reading the plan
 * if (planner.review(planFile, snapshotFile, null) instanceof PlanReview.Reviewed review) {
 *   try (Outputs.Transaction outputs = Outputs.transaction()) {
 *     outputs.stage(planFile, plan, review::writeReviewedPlan);
 *     outputs.commit();                              // FileChangedException if it was edited meanwhile
 *   }
 * }
 * }</pre>
 */
public final class Outputs {
    private Outputs() {}

    /** What writes one output. */
    @FunctionalInterface
    public interface Content {
        /**
         * Writes the whole output.
         *
         * @param out where it goes (not to be closed)
         * @throws IOException when writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /** What a file held when it was looked at: its identity, size, time and a checksum of its bytes, or its absence. */
    public static final class Held {
        private final OutputFiles.Expected expected;

        private Held(OutputFiles.Expected expected) {
            this.expected = expected;
        }
    }

    /**
     * Records what {@code file} holds now (or that it does not exist). Take it before reading the file:
     * should it change before the commit, the commit is refused with {@link FileChangedException}.
     *
     * @param file the future target
     * @return what it holds
     * @throws IOException when the file cannot be read
     */
    public static Held hold(Path file) throws IOException {
        return new Held(OutputFiles.Expected.current(file));
    }

    /**
     * Whether {@code file} exists and is not a regular file (a device, FIFO or socket), or is reached
     * through a process's descriptors ({@code /dev/stdout}): such a file is written into, not replaced.
     *
     * @param file the file
     * @return whether it is special
     * @throws IOException when its attributes cannot be read
     */
    public static boolean isSpecial(Path file) throws IOException {
        return OutputFiles.isSpecial(file.toAbsolutePath());
    }

    /**
     * Removes the temporary files of outputs being staged and not yet renamed into place, by this class or
     * by the planner. The library installs no shutdown hook (nor any thread); an application that wants
     * none left behind when SIGTERM or Ctrl-C stops the JVM calls this from its own hook, as the command
     * line does: {@code Runtime.getRuntime().addShutdownHook(new Thread(Outputs::removeTemporaryFiles))}.
     * Targets are never touched.
     */
    public static void removeTemporaryFiles() {
        OutputFiles.removeTemporaryFiles();
    }

    /** {@return a new transaction, to stage outputs in and commit them together} */
    public static Transaction transaction() {
        return new Transaction();
    }

    /** Outputs staged one by one and renamed into place together; closing it removes what was not committed. */
    public static final class Transaction implements AutoCloseable {
        private final OutputFiles.Transaction transaction = new OutputFiles.Transaction();

        private Transaction() {}

        /**
         * Writes one output to a temporary file beside {@code target} and syncs it.
         *
         * @param target the file, as the user named it (messages name it so)
         * @param held what the target must still hold at the commit, or null for no check
         * @param content what to write
         * @throws IOException when the output cannot be prepared, named by {@code target}
         */
        public void stage(Path target, @Nullable Held held, Content content) throws IOException {
            transaction.stage(target, held == null ? null : held.expected, content::writeTo);
        }

        /**
         * Writes the special outputs, checks that every target still holds what it was held with, then
         * renames every staged file into place.
         *
         * @throws FileChangedException when a target changed; nothing was renamed
         * @throws IOException when a special output cannot be written or a rename fails
         */
        public void commit() throws IOException {
            transaction.commit();
        }

        /** Removes the temporary files of outputs not committed. */
        @Override
        public void close() {
            transaction.close();
        }
    }
}
