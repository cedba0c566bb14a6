package dev.readbackplan.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.DialectId;
import com.networknt.schema.format.Format;
import com.networknt.schema.keyword.KeywordType;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.path.PathType;
import com.networknt.schema.resource.InputStreamSource;
import com.networknt.schema.serialization.NodeReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The project's JSON Schemas compiled by networknt, which explains why a document is not valid. A
 * {@link SchemaSet} compiles them only when a fast check has rejected a document (tens of
 * milliseconds and some 370 classes that a valid document never needs).
 *
 * <p>Their {@code $id}s are mapped to the packaged copies: no schema is ever fetched from the
 * network. The registry and the compiled schemas are thread-safe.
 */
final class CompiledSchemas {
    private final SchemaRegistry registry;
    private final Schema snapshot;
    private final Schema plan;
    private final Schema candidate;
    private final Map<String, Schema> snapshotProperties;
    private final Map<String, Schema> planProperties;
    private final Map<String, Schema> candidateProperties;
    /** Compiled on first use: only a review needs it. */
    private volatile Schema review;

    /** Compiles the two schemas from these packaged trees. */
    CompiledSchemas(JsonNode snapshotTree, JsonNode planTree) {
        Dialect dialect = dialect();
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .locale(Locale.ENGLISH)
                .build();
        registry = SchemaRegistry.withDefaultDialect(dialect, builder -> builder
                .schemaRegistryConfig(config)
                // Our schemas are handed over parsed (below); should networknt load one itself, it
                // parses with jackson-core alone, without the databind ObjectMapper it would build.
                .nodeReader(new NodeReader() {
                    @Override
                    public JsonNode readTree(String content, InputFormat format) throws IOException {
                        return SchemaSet.parse(content.getBytes(StandardCharsets.UTF_8));
                    }

                    @Override
                    public JsonNode readTree(InputStream in, InputFormat format) throws IOException {
                        return SchemaSet.parse(in.readAllBytes());
                    }
                })
                .schemaLoader(loader -> loader
                        .resourceLoaders(loaders -> loaders.add(CompiledSchemas::packagedSchema))
                        .block(iri -> !iri.toString().startsWith(SchemaSet.ID_BASE))));
        // The snapshot schema first: the plan schema refers to it, and finds it registered.
        snapshot = compile(SchemaSet.SNAPSHOT_SCHEMA, snapshotTree);
        plan = compile(SchemaSet.PLAN_SCHEMA, planTree);
        snapshotProperties = properties(snapshot);
        planProperties = properties(plan);
        candidate = items(planProperties.get(PlanFields.READBACK_CANDIDATES), SchemaSet.PLAN_SCHEMA, SchemaSet.candidateDefinition());
        candidateProperties = properties(candidate);
    }

    private Schema compile(String file, JsonNode tree) {
        Schema schema = registry.getSchema(SchemaLocation.of(SchemaSet.ID_BASE + file), tree);
        schema.initializeValidators();
        return schema;
    }

    /** The compiled definition that the items of an array schema refer to, as compiled with its schema. */
    private Schema items(Schema array, String file, String definition) {
        Schema target = NetworkntInternals.itemsReferenceTarget(array);
        if (target != null) {
            return target;
        }
        Schema schema = registry.getSchema(SchemaLocation.of(SchemaSet.ID_BASE + file + "#" + definition));
        schema.initializeValidators();
        return schema;
    }

    /**
     * Draft 2020-12 as networknt defines it, with two differences: only the formats our schemas use, in
     * our implementation (networknt's full set compiles a dozen patterns and e-mail and IP validators at
     * start-up, and its date-time is not RFC 3339's; see {@link Rfc3339DateTime}), and
     * jsonschema2pojo's {@code javaType} declared as an annotation (else it is logged as unknown).
     */
    private static Dialect dialect() {
        Map<String, Boolean> vocabularies = new java.util.LinkedHashMap<>();
        for (String vocabulary : List.of("core", "applicator", "unevaluated", "validation", "meta-data", "format-annotation", "content")) {
            vocabularies.put("https://json-schema.org/draft/2020-12/vocab/" + vocabulary, true);
        }
        return Dialect.builder(DialectId.DRAFT_2020_12)
                .specificationVersion(SpecificationVersion.DRAFT_2020_12)
                .idKeyword("$id")
                .formats(USED_FORMATS)
                .keywords(KeywordType.getKeywords(SpecificationVersion.DRAFT_2020_12))
                .keywords(List.of(new NonValidationKeyword("definitions"), new NonValidationKeyword("javaType")))
                .vocabularies(vocabularies)
                .build();
    }

    /**
     * The formats our schemas use; a test checks that the schemas use no other. {@code date-time} is our
     * own strict RFC 3339 grammar: networknt's accepted text after a {@code Z}, a space for {@code T},
     * and refused {@code -00:00}, long fractions and leap seconds at an offset.
     */
    static final List<Format> USED_FORMATS = List.of(Rfc3339DateTimeFormat.INSTANCE);

    private static Map<String, Schema> properties(Schema schema) {
        Map<String, Schema> properties = NetworkntInternals.propertySchemas(schema);
        if (properties == null) {
            throw new IllegalStateException(schema.getSchemaLocation() + " has no properties");
        }
        return properties;
    }

    /** The packaged copy of one of our schemas, or null for any other address (which then fails to load). */
    private static InputStreamSource packagedSchema(com.networknt.schema.AbsoluteIri iri) {
        String address = iri.toString();
        if (!address.startsWith(SchemaSet.ID_BASE)) {
            return null;
        }
        String name = address.substring(SchemaSet.ID_BASE.length());
        if (!name.equals(SchemaSet.SNAPSHOT_SCHEMA) && !name.equals(SchemaSet.PLAN_SCHEMA) && !name.equals(SchemaSet.REVIEW_SCHEMA)) {
            return null;
        }
        return () -> {
            // Our own class loader: embedded in a plugin, the context class loader may not see our jar.
            InputStream in = SchemaSet.class.getResourceAsStream("/schemas/" + name);
            if (in == null) {
                throw new java.io.FileNotFoundException("schema not packaged: " + name);
            }
            return in;
        };
    }

    Schema snapshot() {
        return snapshot;
    }

    Schema plan() {
        return plan;
    }

    Schema candidate() {
        return candidate;
    }

    /** The review schema, compiled on first use (it refers to the plan schema, registered by then). */
    Schema review() {
        Schema compiled = review;
        if (compiled == null) {
            synchronized (this) {
                if (review == null) {
                    review = compile(SchemaSet.REVIEW_SCHEMA, SchemaSet.packagedTree(SchemaSet.REVIEW_SCHEMA));
                }
                compiled = review;
            }
        }
        return compiled;
    }

    Schema snapshotProperty(String name) {
        return require(snapshotProperties, name);
    }

    Schema planProperty(String name) {
        return require(planProperties, name);
    }

    Schema candidateProperty(String name) {
        return require(candidateProperties, name);
    }

    private static Schema require(Map<String, Schema> schemas, String name) {
        Schema schema = schemas.get(name);
        if (schema == null) {
            throw new IllegalArgumentException("the schema defines no property " + name);
        }
        return schema;
    }
}
