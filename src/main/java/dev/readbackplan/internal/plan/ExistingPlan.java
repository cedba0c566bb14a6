package dev.readbackplan.internal.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.readbackplan.document.Limits;
import dev.readbackplan.internal.json.ExactDoubleNode;
import dev.readbackplan.internal.json.PythonJsonWriter;
import dev.readbackplan.internal.json.StrictJsonReader;
import dev.readbackplan.internal.schema.Catalog;
import dev.readbackplan.internal.schema.Engine;
import dev.readbackplan.internal.schema.EvidenceFields;
import dev.readbackplan.internal.schema.PlanFields;
import dev.readbackplan.internal.schema.PlanTemplate;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the plan file about to be replaced holds, found without building its tree: whether it is a
 * readback plan at all, and the reviewers' entries it carries.
 *
 * <p>Two ways, the cheap one first. Most regenerations replace the plan an earlier run wrote: then the
 * file is exactly the new plan but for its provenance, which {@link SameButProvenance} sees while the
 * new plan is written (a byte comparison, no parsing), and there is nothing to carry over. Otherwise
 * the file is read once as a stream of tokens, keeping only the entries.
 */
public final class ExistingPlan {
    /** What a file is, for regeneration. */
    public enum State {
        /** Not a readback plan at all: another document, or text that does not say it is a plan. */
        NOT_A_PLAN,
        /** A readback plan read strictly (its candidates may still be {@linkplain ReviewerEntries#unusable() unusable}). */
        PLAN,
        /**
         * A file that says it is a readback plan (its schema version, or its shape) but cannot be read
         * as one: not well-formed JSON, a duplicate key, content after the document, no candidate list.
         */
        BROKEN_PLAN
    }

    /** What a file holds: a plan (with its entries, maybe none), a broken plan, or not a plan. */
    public record Inspection(State state, ReviewerEntries entries) {
        /** @return whether the file is a readback plan that could be read */
        public boolean isPlan() {
            return state == State.PLAN;
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String ID = PlanFields.POST_INCIDENT_READBACK_CANDIDATE_ID;

    private final JsonFactory factory;
    private final String planVersion;
    private final List<String> carried;
    private final PlanTemplate template;
    private final long maxBytes;

    /**
     * A reader of existing plans with a planner's limits and schemas, carrying the fields reviewers fill
     * in (the evidence fields, {@code status} and {@code reviewer_outcome}).
     */
    public static ExistingPlan of(Limits limits, Engine engine) {
        EvidenceFields fields = new EvidenceFields(engine, Catalog.get().readbackFields());
        return new ExistingPlan(limits, engine.template(), ReviewerEntries.carriedFields(fields));
    }

    public ExistingPlan(Limits limits, PlanTemplate template, List<String> carried) {
        this.factory = StrictJsonReader.jsonFactory(limits);
        this.template = template;
        this.planVersion = template.fixedEnvelopeMembers().get("schema_version").textValue();
        this.carried = carried;
        this.maxBytes = limits.maxDocumentBytes();
    }

    /**
     * Reads the whole file as tokens, strictly (a duplicate key anywhere ends the reading): a plan when
     * it is one JSON object with the plan's schema version and a list of candidates.
     *
     * @throws IOException when the file cannot be opened
     */
    public Inspection inspect(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return inspect(in, file);
        }
    }

    private Inspection inspect(InputStream in, Path file) throws IOException {
        try (JsonParser parser = factory.createParser(in)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return unreadable(file);
            }
            boolean versioned = false;
            boolean listed = false;
            List<ReviewerEntries.Read> candidates = new ArrayList<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("schema_version")) {
                    versioned = value == JsonToken.VALUE_STRING && planVersion.equals(parser.getText());
                } else if (name.equals(PlanFields.READBACK_CANDIDATES) && value == JsonToken.START_ARRAY) {
                    listed = true;
                    readCandidates(parser, candidates);
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null || !versioned || !listed) {
                return unreadable(file);
            }
            return new Inspection(State.PLAN, ReviewerEntries.of(candidates, template, carried));
        } catch (IOException | RuntimeException unreadable) {
            return unreadable(file);
        }
    }

    /** A file that is not a readable plan: broken when it says it is a plan, else not a plan. */
    private Inspection unreadable(Path file) throws IOException {
        return new Inspection(saysItIsAPlan(file) ? State.BROKEN_PLAN : State.NOT_A_PLAN, ReviewerEntries.none());
    }

    /**
     * Whether the file's bytes hold the plan's schema version or a plan's own keys: then it was a
     * plan, whatever happened to it since (a trailing comma, a merge conflict, invalid UTF-8).
     */
    private boolean saysItIsAPlan(Path file) throws IOException {
        byte[][] marks = {planVersion.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                PlanFields.READBACK_CANDIDATES.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                ID.getBytes(java.nio.charset.StandardCharsets.UTF_8)};
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(maxBytes, Integer.MAX_VALUE - 16));
        }
        for (byte[] mark : marks) {
            if (indexOf(bytes, mark) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] bytes, byte[] mark) {
        outer:
        for (int i = 0; i + mark.length <= bytes.length; i++) {
            if (bytes[i] != mark[0]) {
                continue;
            }
            for (int j = 1; j < mark.length; j++) {
                if (bytes[i + j] != mark[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private void readCandidates(JsonParser parser, List<ReviewerEntries.Read> candidates) throws IOException {
        JsonToken token;
        int index = 0;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                candidates.add(new ReviewerEntries.Read(index++, null, false, Map.of(), Map.of()));
                continue;
            }
            String id = null;
            Map<String, JsonNode> members = new LinkedHashMap<>();
            Map<String, JsonNode> surface = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals(ID)) {
                    if (value == JsonToken.VALUE_STRING) {
                        id = parser.getText();
                    } else {
                        parser.skipChildren();
                    }
                } else if (carried.contains(name)) {
                    members.put(name, value(parser, value));
                } else if (ReviewerEntries.SURFACE_FIELDS.contains(name)) {
                    surface.put(name, value(parser, value));
                } else {
                    parser.skipChildren();
                }
            }
            candidates.add(new ReviewerEntries.Read(index++, id, true, members, surface));
        }
    }

    /** The value at the current token as a tree (carried values are small: a string, null, at worst a container). */
    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    object.set(name, value(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                JsonToken item;
                while ((item = parser.nextToken()) != JsonToken.END_ARRAY) {
                    array.add(value(parser, item));
                }
                return array;
            }
            case VALUE_STRING:
                return NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return NODES.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                return new ExactDoubleNode(parser.getDoubleValue(), parser.getText());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            default:
                return NODES.nullNode();
        }
    }

    /**
     * Passes a plan through to {@code out} and compares it, as it goes, with an existing file whose
     * provenance values are {@code generatedAt} and {@code gitCommit}: {@link #same()} tells whether
     * the file is exactly this plan but for those two values. Then it is a plan the generator wrote,
     * with no reviewers' entries.
     */
    public static final class SameButProvenance extends OutputStream implements PlanGenerator.ProvenanceAware {
        private final OutputStream out;
        private final InputStream existing;
        private final Map<String, byte[]> oldValues;
        private final byte[] buffer = new byte[1 << 16];
        private boolean same = true;
        private boolean substituting;

        public SameButProvenance(OutputStream out, InputStream existing, String generatedAt, String gitCommit) throws IOException {
            this.out = out;
            this.existing = existing;
            this.oldValues = Map.of("generated_at", literal(generatedAt), "git_commit", literal(gitCommit));
        }

        private static byte[] literal(String value) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PythonJsonWriter writer = new PythonJsonWriter(bytes);
            writer.writeValue(NODES.textNode(value), 1);
            writer.flush();
            return bytes.toByteArray();
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            if (same && !substituting) {
                compare(bytes, offset, length);
            }
        }

        private void compare(byte[] bytes, int offset, int length) throws IOException {
            int done = 0;
            while (same && done < length) {
                int read = existing.readNBytes(buffer, 0, Math.min(buffer.length, length - done));
                same = read == Math.min(buffer.length, length - done)
                        && Arrays.equals(buffer, 0, read, bytes, offset + done, offset + done + read);
                done += read;
            }
        }

        @Override
        public void valueStarts(String key) throws IOException {
            // The file's own value stands where the new one goes.
            byte[] old = oldValues.get(key);
            compare(old, 0, old.length);
            substituting = true;
        }

        @Override
        public void valueEnds(String key) {
            substituting = false;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        /** After the whole plan: whether the file held exactly it, provenance aside, and nothing more. */
        public boolean same() throws IOException {
            return same && existing.read() < 0;
        }
    }
}
