package dev.readbackplan.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.readbackplan.internal.json.StrictJsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The project's JSON Schemas, loaded from this library's classpath: their trees, and each schema or
 * subschema the engine validates against as a {@link CheckedSchema}.
 *
 * <p>A valid document is accepted by the checks generated from the schemas at build time; networknt
 * compiles the schemas ({@link CompiledSchemas}) only when a document must be explained, once per set.
 * Thread-safe; each planner owns one set.
 */
public final class SchemaSet {
    /** Where the {@code $id}s of our schemas live; never fetched, only mapped to the classpath. */
    public static final String ID_BASE = "https://monitoring-readback-plan.example/schemas/";
    public static final String SNAPSHOT_SCHEMA = "monitoring-owner-response-acceptance-snapshot.schema.json";
    public static final String PLAN_SCHEMA = "monitoring-post-incident-readback-plan-v1.schema.json";
    public static final String REVIEW_SCHEMA = "monitoring-post-incident-readback-review-v1.schema.json";
    private static final String RESOURCE_DIRECTORY = "/schemas/";

    private static final String CANDIDATE_DEFINITION = "/$defs/readback_candidate";
    private static final String ACCEPTANCE_CANDIDATE_DEFINITION = "/$defs/acceptance_candidate";
    private static final StrictJsonReader SCHEMA_READER = new StrictJsonReader(dev.readbackplan.document.Limits.DEFAULT, SchemaNodes.INSTANCE);

    private final JsonNode snapshotNode;
    private final JsonNode planNode;
    private final CheckedSchema snapshot;
    private final CheckedSchema plan;
    private final CheckedSchema candidate;
    private final Map<String, CheckedSchema> snapshotProperties;
    private final Map<String, CheckedSchema> planProperties;
    private final Map<String, CheckedSchema> candidateProperties;
    /** Read on first use: only a review needs it. */
    private volatile CheckedSchema review;
    /** networknt's schemas, compiled on first use: only a document that is not valid needs them. */
    private volatile CompiledSchemas compiled;

    /** Reads the packaged schemas; build one per planner and share it. */
    public SchemaSet() {
        snapshotNode = packagedTree(SNAPSHOT_SCHEMA);
        planNode = packagedTree(PLAN_SCHEMA);
        snapshot = checked(CheckedSchema.Kind.SNAPSHOT, "", SNAPSHOT_SCHEMA, snapshotNode, "");
        plan = checked(CheckedSchema.Kind.PLAN, "", PLAN_SCHEMA, planNode, "");
        candidate = checked(CheckedSchema.Kind.CANDIDATE, "", PLAN_SCHEMA, planNode, CANDIDATE_DEFINITION);
        snapshotProperties = properties(CheckedSchema.Kind.SNAPSHOT_PROPERTY, SNAPSHOT_SCHEMA, snapshotNode, "");
        planProperties = properties(CheckedSchema.Kind.PLAN_PROPERTY, PLAN_SCHEMA, planNode, "");
        candidateProperties = properties(CheckedSchema.Kind.CANDIDATE_PROPERTY, PLAN_SCHEMA, planNode, CANDIDATE_DEFINITION);
    }

    /** The subschema at {@code pointer} of that file, with its generated check (which must exist). */
    private CheckedSchema checked(CheckedSchema.Kind kind, String property, String file, JsonNode tree, String pointer) {
        FastCheck fast = GeneratedChecks.at(file, pointer);
        if (fast == null) {
            // The generator writes a check for every subschema of every packaged schema; a missing one
            // means the classes and the schemas come from different builds.
            throw new IllegalStateException("no generated check for " + file + "#" + pointer);
        }
        return new CheckedSchema(this, kind, property, fast, tree.at(pointer));
    }

    private Map<String, CheckedSchema> properties(CheckedSchema.Kind kind, String file, JsonNode tree, String pointer) {
        Map<String, CheckedSchema> properties = new HashMap<>();
        for (Iterator<String> it = tree.at(pointer).path("properties").fieldNames(); it.hasNext(); ) {
            String name = it.next();
            properties.put(name, checked(kind, name, file, tree, pointer + "/properties/" + name.replace("~", "~0").replace("/", "~1")));
        }
        if (properties.isEmpty()) {
            throw new IllegalStateException(file + "#" + pointer + " has no properties");
        }
        return Map.copyOf(properties);
    }

    /** networknt's compiled schemas, compiled on the first call (tens of milliseconds). */
    CompiledSchemas compiled() {
        CompiledSchemas schemas = compiled;
        if (schemas == null) {
            synchronized (this) {
                if (compiled == null) {
                    compiled = new CompiledSchemas(snapshotNode, planNode);
                }
                schemas = compiled;
            }
        }
        return schemas;
    }

    /**
     * A new tree of the packaged schema of that file name: built by code generated from the schema at
     * build time ({@code GeneratedSchemaTrees}), equal to the tree {@link #parsedPackagedTree(String)}
     * parses from the packaged file (a test compares them), without parsing its JSON text at run time.
     */
    public static JsonNode packagedTree(String name) {
        JsonNode generated = GeneratedSchemaTrees.tree(name);
        return generated != null ? generated : parsedPackagedTree(name);
    }

    /** The packaged schema of that file name, parsed from its JSON text. */
    public static JsonNode parsedPackagedTree(String name) {
        try (InputStream in = SchemaSet.class.getResourceAsStream(RESOURCE_DIRECTORY + name)) {
            if (in == null) {
                throw new IllegalStateException("schema not packaged: " + name);
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many schema texts this class loader has parsed: a test holds that generation parses none. */
    private static final java.util.concurrent.atomic.AtomicInteger PARSED = new java.util.concurrent.atomic.AtomicInteger();

    static int parsedSchemaTexts() {
        return PARSED.get();
    }

    static JsonNode parse(byte[] bytes) throws IOException {
        PARSED.incrementAndGet();
        StrictJsonReader.Result result = SCHEMA_READER.read(bytes, bytes.length);
        if (result.root() == null || !result.findings().isEmpty()) {
            throw new IOException("a packaged schema is not valid JSON: " + result.findings().kept());
        }
        return result.root();
    }

    public CheckedSchema snapshot() {
        return snapshot;
    }

    public CheckedSchema plan() {
        return plan;
    }

    /** The review schema, read on first use. */
    public CheckedSchema review() {
        CheckedSchema checked = review;
        if (checked == null) {
            synchronized (this) {
                if (review == null) {
                    review = checked(CheckedSchema.Kind.REVIEW, "", REVIEW_SCHEMA, packagedTree(REVIEW_SCHEMA), "");
                }
                checked = review;
            }
        }
        return checked;
    }

    /** The snapshot schema as JSON. */
    public JsonNode snapshotNode() {
        return snapshotNode;
    }

    /** The plan schema as JSON. */
    public JsonNode planNode() {
        return planNode;
    }

    /** The plan schema's definition of a readback candidate. */
    public CheckedSchema candidate() {
        return candidate;
    }

    /** The JSON Pointer, in the snapshot schema, of the definition of an acceptance candidate. */
    public static String acceptanceCandidateDefinition() {
        return ACCEPTANCE_CANDIDATE_DEFINITION;
    }

    /** The JSON Pointer, in the plan schema, of the definition of a readback candidate. */
    public static String candidateDefinition() {
        return CANDIDATE_DEFINITION;
    }

    /** The schema of one top-level property of a snapshot, such as {@code acceptance_candidates}. */
    public CheckedSchema snapshotProperty(String name) {
        return require(snapshotProperties, name);
    }

    /** The schema of one top-level property of a plan, such as {@code generated_at}. */
    public CheckedSchema planProperty(String name) {
        return require(planProperties, name);
    }

    /** The schema of one property of a readback candidate. */
    public CheckedSchema candidateProperty(String name) {
        return require(candidateProperties, name);
    }

    private static CheckedSchema require(Map<String, CheckedSchema> schemas, String name) {
        CheckedSchema schema = schemas.get(name);
        if (schema == null) {
            throw new IllegalArgumentException("the plan schema defines no property " + name);
        }
        return schema;
    }
}
