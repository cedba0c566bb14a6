package dev.readbackplan.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.document.Limits;
import dev.readbackplan.internal.json.Finding;
import dev.readbackplan.internal.json.Findings;
import dev.readbackplan.internal.json.ListSplitter;
import dev.readbackplan.internal.json.StrictJsonReader;
import dev.readbackplan.internal.scan.CustomRules;
import dev.readbackplan.internal.text.Pointer;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.HexFormat;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Accepts a clean plan without holding it: "fast accept, slow explain" at the document's level. The
 * plan is read block by block (and hashed as it is read), cut into its envelope and its candidates
 * ({@link ListSplitter}), and each candidate is read, validated and checked on its own, on the reading
 * thread and the executor's, then dropped: memory holds one block, the candidates in flight and what
 * each one's handler keeps. It accepts only a plan in which the whole-document reading ({@link
 * DocumentReader#read}) would find nothing, neither error nor warning, but what the caller's absorber
 * takes (a review's values to quarantine); at the first other finding, or anything it does not handle, it stops and says so ({@code null}), and the caller reads the plan whole,
 * which explains. A differential test holds the two ways to the same verdict.
 *
 * <p>Why the pieces give the whole's verdict: the splitter's pieces parse exactly when the document
 * does; the plan schema is checked envelope and candidates apart, as {@link PlanValidator#validate}
 * does on a tree; the secret scans look at one string at a time; and the checks across candidates
 * ({@link DocumentChecks#plan}) read only the members {@link DocumentChecks#thinCandidate} keeps. A
 * handler that makes a candidate's tree from its text ({@link CandidateHandler#fromText}) makes the
 * tree the item's reading gives, for a text that reading finds nothing in; the tree is then validated
 * and checked as a read one is.
 *
 * <p>Thread-safe; each call has its own state.
 */
public final class StreamedPlanReader {
    /** What is done with each candidate once it is read and found clean; called from several threads. */
    public interface CandidateHandler {
        /**
         * Handles a clean candidate.
         *
         * @param index its index in the plan
         * @param candidate its tree (the handler may keep it)
         * @return false to stop: the plan is then not accepted
         */
        boolean handle(int index, JsonNode candidate);

        /**
         * A candidate's tree made from its text without reading the text whole: the tree {@link
         * StrictJsonReader#readItem} gives for it, for a text that reader reads without a finding; or
         * null, and the text is read. Called before {@link #handle}, on the same thread; none by default.
         *
         * @param index its index in the plan
         * @param text its text, from its opening to its closing brace (not to be kept)
         * @param length how many bytes of {@code text} are its text
         * @param reader the reader the plan is read with, for parts of the text
         * @return its tree, or null
         */
        default @Nullable JsonNode fromText(int index, byte[] text, int length, StrictJsonReader reader) {
            return null;
        }
    }

    /**
     * A plan accepted: valid, with no warning.
     *
     * @param envelope the plan without its candidates ({@code readback_candidates} empty)
     * @param candidateCount how many candidates it has
     * @param sha256 the SHA-256 of its bytes, lower-case hex; null when not asked for
     * @param length how many bytes it has
     */
    public record Accepted(ObjectNode envelope, int candidateCount, @Nullable String sha256, long length) {}

    private static final int BLOCK = 1 << 18;
    /** Candidates read but not yet checked, at most: then the reading thread checks one itself. */
    private static final int QUEUED = 64;

    private final Limits limits;
    private final StrictJsonReader reader;
    private final Engine engine;
    private final CustomRules customRules;

    StreamedPlanReader(Limits limits, StrictJsonReader reader, Engine engine, CustomRules customRules) {
        this.limits = limits;
        this.reader = reader;
        this.engine = engine;
        this.customRules = customRules;
    }

    /**
     * Reads a plan from {@code in} (not closed) and accepts it, or not.
     *
     * @param in the plan's bytes
     * @param hash whether to hash them (a review records the plan's SHA-256; validation needs none)
     * @param absorber takes the findings that do not count against the plan (a review's quarantining
     *     problems, as {@link DocumentReader#read} offers them), or null: every finding counts
     * @param handler what is done with each clean candidate
     * @return the accepted plan, or null when the plan has a finding or a shape this reader does not
     *     handle: read it whole
     * @throws IOException when {@code in} cannot be read
     */
    public @Nullable Accepted read(InputStream in, boolean hash, java.util.function.@Nullable Predicate<Finding> absorber,
            CandidateHandler handler) throws IOException {
        if (!engine.planValidator().isMemberwise()) {
            return null;
        }
        StrictJsonReader.KnownMembers known = engine.template().canonicalCandidateMembers();
        Run run = new Run(known, absorber, handler);
        ListSplitter splitter = new ListSplitter(known.listKey(), limits.maxNestingDepth(), run::offer);
        MessageDigest digest = hash ? sha256() : null;
        byte[] block = new byte[BLOCK];
        long length = 0;
        try {
            int read;
            while (!run.stopped.get() && !splitter.gaveUp() && (read = in.readNBytes(block, 0, block.length)) > 0) {
                length += read;
                if (length > limits.maxDocumentBytes()) {
                    return null;
                }
                if (digest != null) {
                    digest.update(block, 0, read);
                }
                splitter.feed(block, read);
            }
        } finally {
            run.finish();
        }
        byte[] envelopeText = splitter.finish();
        if (envelopeText == null || run.stopped.get()) {
            return null;
        }
        if (run.thin.length != splitter.itemCount()) {
            return null;
        }
        ObjectNode envelope = envelope(envelopeText, run, absorber);
        if (envelope == null) {
            return null;
        }
        return new Accepted(envelope, splitter.itemCount(), digest == null ? null : HexFormat.of().formatHex(digest.digest()), length);
    }

    /** The envelope read, validated and checked with the candidates' thin copies; null at any finding. */
    private @Nullable ObjectNode envelope(byte[] text, Run run, java.util.function.@Nullable Predicate<Finding> absorber) {
        StrictJsonReader.Result result = reader.read(text, text.length);
        if (!result.findings().isEmpty() || !(result.root() instanceof ObjectNode envelope)
                || !(envelope.get(PlanFields.READBACK_CANDIDATES) instanceof ArrayNode list) || !list.isEmpty()) {
            return null;
        }
        if (engine.checks().kinds().asPlan(envelope) != null) {
            return null;
        }
        Findings findings = new Findings(1, absorber);
        engine.planValidator().envelope(envelope, findings);
        customRules.scan(envelope, Pointer.ROOT, findings);
        if (!findings.isEmpty()) {
            return null;
        }
        // The checks across candidates, on an envelope holding their thin copies.
        ObjectNode thin = envelope.deepCopy();
        ArrayNode candidates = thin.putArray(PlanFields.READBACK_CANDIDATES);
        for (JsonNode candidate : run.thin) {
            candidates.add(candidate);
        }
        engine.checks().plan(thin, findings);
        return findings.isEmpty() ? envelope : null;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** One reading: the candidates waiting, the threads checking them, and whether to stop. */
    private final class Run {
        private final StrictJsonReader.KnownMembers known;
        private final CandidateHandler handler;
        private final java.util.function.@Nullable Predicate<Finding> absorber;
        private final ArrayDeque<Item> queue = new ArrayDeque<>();
        private final AtomicBoolean stopped = new AtomicBoolean();
        /** The thread that reads: an executor that runs the helper in it (a direct one) gets no helper. */
        private final Thread readingThread = Thread.currentThread();
        /** The thin copies of the candidates, by index; grown by the reading thread, set by whoever checks. */
        private ObjectNode[] thin = new ObjectNode[0];
        private int inFlight;
        private boolean readingDone;
        private boolean helperOffered;
        private @Nullable Throwable failure;

        Run(StrictJsonReader.KnownMembers known, java.util.function.@Nullable Predicate<Finding> absorber, CandidateHandler handler) {
            this.known = known;
            this.absorber = absorber;
            this.handler = handler;
        }

        /** A candidate cut out by the reading thread: queued, or checked now when the queue is full. */
        void offer(int index, byte[] bytes, int length) {
            Item item = new Item(index, bytes, length);
            synchronized (this) {
                if (index >= thin.length) {
                    thin = java.util.Arrays.copyOf(thin, Math.max(16, thin.length * 2));
                }
                if (queue.size() < QUEUED) {
                    queue.add(item);
                    notifyAll();
                    item = null;
                } else {
                    inFlight++;
                }
            }
            if (!helperOffered) {
                helperOffered = true;
                offerHelper();
            }
            if (item != null) {
                check(item);
            }
        }

        /** One helper thread takes candidates from the queue; whether it ever starts changes nothing but the time. */
        private void offerHelper() {
            if (Runtime.getRuntime().availableProcessors() < 2) {
                return;
            }
            try {
                engine.executor().execute(this::help);
            } catch (RejectedExecutionException rejected) {
                // The reading thread checks every candidate.
            }
        }

        private void help() {
            if (Thread.currentThread() == readingThread) {
                return;
            }
            while (true) {
                Item item;
                synchronized (this) {
                    while (queue.isEmpty() && !readingDone && !stopped.get()) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                    if (queue.isEmpty() || stopped.get()) {
                        return;
                    }
                    item = queue.poll();
                    inFlight++;
                }
                check(item);
            }
        }

        /** Reads, validates and checks one candidate, then hands it to the handler. */
        private void check(Item item) {
            try {
                if (!stopped.get() && !clean(item)) {
                    stopped.set(true);
                }
            } catch (RuntimeException | Error e) {
                synchronized (this) {
                    if (failure == null) {
                        failure = e;
                    }
                }
                stopped.set(true);
            } finally {
                synchronized (this) {
                    inFlight--;
                    notifyAll();
                }
            }
        }

        private boolean clean(Item item) {
            JsonNode candidate = handler.fromText(item.index, item.bytes, item.length, reader);
            if (candidate == null) {
                StrictJsonReader.Result read = reader.readItem(item.bytes, item.length, known, item.index);
                if (!read.findings().isEmpty() || read.root() == null) {
                    return false;
                }
                candidate = read.root();
            }
            // What the absorber takes does not count; the handler finds it there, the candidate validated.
            Findings findings = new Findings(1, absorber);
            engine.planValidator().candidate(item.index, candidate, findings);
            customRules.scan(candidate, Pointer.ROOT.key(PlanFields.READBACK_CANDIDATES).index(item.index), findings);
            if (!findings.isEmpty()) {
                return false;
            }
            ObjectNode thinCopy = DocumentChecks.thinCandidate(candidate);
            synchronized (this) {
                thin[item.index] = thinCopy;
            }
            return handler.handle(item.index, candidate);
        }

        /** After the reading: the reading thread checks what is left, then waits for the candidates in flight. */
        void finish() {
            while (true) {
                Item item;
                synchronized (this) {
                    readingDone = true;
                    notifyAll();
                    item = stopped.get() ? null : queue.poll();
                    if (item == null) {
                        queue.clear();
                        // Only candidates held by running threads are waited for, never a queued task.
                        boolean interrupted = false;
                        while (inFlight > 0) {
                            try {
                                wait();
                            } catch (InterruptedException e) {
                                interrupted = true;
                            }
                        }
                        if (interrupted) {
                            Thread.currentThread().interrupt();
                        }
                        break;
                    }
                    inFlight++;
                }
                check(item);
            }
            Throwable thrown;
            synchronized (this) {
                thrown = failure;
                thin = java.util.Arrays.copyOf(thin, countThin());
            }
            if (thrown instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (thrown instanceof Error error) {
                throw error;
            }
        }

        private int countThin() {
            int n = 0;
            while (n < thin.length && thin[n] != null) {
                n++;
            }
            return n;
        }
    }

    private record Item(int index, byte[] bytes, int length) {}
}
