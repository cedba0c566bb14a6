package dev.readbackplan.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.KeywordValidator;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.keyword.PropertiesValidator;
import com.networknt.schema.path.PathType;
import com.networknt.schema.resource.InputStreamSource;
import com.networknt.schema.InputFormat;
import com.networknt.schema.serialization.NodeReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The project's two JSON Schemas, loaded from this library's classpath and compiled once.
 *
 * <p>Their {@code $id}s are mapped to the packaged copies: no schema is ever fetched from the
 * network. The registry and the compiled schemas are thread-safe and shared by every planner.
 */
public final class SchemaSet {
    /** Where the {@code $id}s of our schemas live; never fetched, only mapped to the classpath. */
    public static final String ID_BASE = "https://monitoring-readback-plan.example/schemas/";
    public static final String SNAPSHOT_SCHEMA = "monitoring-owner-response-acceptance-snapshot.schema.json";
    public static final String PLAN_SCHEMA = "monitoring-post-incident-readback-plan-v1.schema.json";
    private static final String RESOURCE_DIRECTORY = "/schemas/";

    private static final class Holder {
        static final SchemaSet INSTANCE = new SchemaSet();
    }

    private static final String CANDIDATE_DEFINITION = "/$defs/readback_candidate";

    private final SchemaRegistry registry;
    private final Schema snapshot;
    private final Schema plan;
    private final Schema candidate;
    private final Map<String, Schema> planProperties;
    private final Map<String, Schema> candidateProperties;

    /** The shared instance, built on first use. */
    public static SchemaSet get() {
        return Holder.INSTANCE;
    }

    private SchemaSet() {
        // jsonschema2pojo's keyword is an annotation to validators; declaring it avoids "unknown keyword" noise.
        Dialect dialect = Dialect.builder(Dialects.getDraft202012())
                .keyword(new NonValidationKeyword("javaType"))
                .build();
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .locale(Locale.ENGLISH)
                .build();
        StrictJsonReader schemaReader = new StrictJsonReader(dev.readbackplan.Limits.DEFAULT);
        registry = SchemaRegistry.withDefaultDialect(dialect, builder -> builder
                .schemaRegistryConfig(config)
                // Parse with jackson-core alone: networknt's default reader builds a databind
                // ObjectMapper, a large part of the start-up of a one-off run.
                .nodeReader(new NodeReader() {
                    @Override
                    public JsonNode readTree(String content, InputFormat format) throws IOException {
                        return parse(schemaReader, content.getBytes(StandardCharsets.UTF_8));
                    }

                    @Override
                    public JsonNode readTree(InputStream in, InputFormat format) throws IOException {
                        return parse(schemaReader, in.readAllBytes());
                    }
                })
                .schemaLoader(loader -> loader
                        .resourceLoaders(loaders -> loaders.add(SchemaSet::packagedSchema))
                        .block(iri -> !iri.toString().startsWith(ID_BASE))));
        snapshot = compile(SNAPSHOT_SCHEMA, "");
        plan = compile(PLAN_SCHEMA, "");
        candidate = compile(PLAN_SCHEMA, CANDIDATE_DEFINITION);
        planProperties = properties(plan);
        candidateProperties = properties(candidate);
    }

    /**
     * The compiled schemas of an object schema's properties, taken from its compiled {@code
     * properties} keyword: compiling each one again as a fragment would cost milliseconds apiece.
     */
    private static Map<String, Schema> properties(Schema schema) {
        for (KeywordValidator validator : schema.getValidators()) {
            if (validator instanceof PropertiesValidator properties) {
                Map<String, Schema> schemas = properties.getSchemas();
                schemas.values().forEach(Schema::initializeValidators);
                return Map.copyOf(schemas);
            }
        }
        throw new IllegalStateException(schema.getSchemaLocation() + " has no properties");
    }

    private static JsonNode parse(StrictJsonReader reader, byte[] bytes) throws IOException {
        StrictJsonReader.Result result = reader.read(bytes, bytes.length);
        if (result.root() == null || !result.findings().isEmpty()) {
            throw new IOException("a packaged schema is not valid JSON: " + result.findings());
        }
        return result.root();
    }

    /** The packaged copy of one of our schemas, or null for any other address (which then fails to load). */
    private static InputStreamSource packagedSchema(com.networknt.schema.AbsoluteIri iri) {
        String address = iri.toString();
        if (!address.startsWith(ID_BASE)) {
            return null;
        }
        String name = address.substring(ID_BASE.length());
        if (!name.equals(SNAPSHOT_SCHEMA) && !name.equals(PLAN_SCHEMA)) {
            return null;
        }
        return () -> {
            // Our own class loader: embedded in a plugin, the context class loader may not see our jar.
            InputStream in = SchemaSet.class.getResourceAsStream(RESOURCE_DIRECTORY + name);
            if (in == null) {
                throw new java.io.FileNotFoundException("schema not packaged: " + name);
            }
            return in;
        };
    }

    private Schema compile(String file, String fragment) {
        Schema schema = registry.getSchema(SchemaLocation.of(ID_BASE + file + (fragment.isEmpty() ? "" : "#" + fragment)));
        schema.initializeValidators();
        return schema;
    }

    public Schema snapshot() {
        return snapshot;
    }

    public Schema plan() {
        return plan;
    }

    /** The snapshot schema as JSON. */
    public JsonNode snapshotNode() {
        return snapshot.getSchemaNode();
    }

    /** The plan schema as JSON. */
    public JsonNode planNode() {
        return plan.getSchemaNode();
    }

    /** The plan schema's definition of a readback candidate. */
    public Schema candidate() {
        return candidate;
    }

    /** The JSON Pointer, in the plan schema, of the definition of a readback candidate. */
    public static String candidateDefinition() {
        return CANDIDATE_DEFINITION;
    }

    /** The schema of one top-level property of a plan, such as {@code generated_at}. */
    public Schema planProperty(String name) {
        return require(planProperties, name);
    }

    /** The schema of one property of a readback candidate. */
    public Schema candidateProperty(String name) {
        return require(candidateProperties, name);
    }

    private static Schema require(Map<String, Schema> schemas, String name) {
        Schema schema = schemas.get(name);
        if (schema == null) {
            throw new IllegalArgumentException("the plan schema defines no property " + name);
        }
        return schema;
    }
}
