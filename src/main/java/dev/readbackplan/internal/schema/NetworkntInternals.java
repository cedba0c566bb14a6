package dev.readbackplan.internal.schema;

import com.networknt.schema.Schema;
import com.networknt.schema.keyword.ItemsValidator;
import com.networknt.schema.keyword.KeywordValidator;
import com.networknt.schema.keyword.PropertiesValidator;
import com.networknt.schema.keyword.RefValidator;
import java.util.Map;

/**
 * The only code that reaches into networknt's keyword validators, which are not its documented API.
 *
 * <p>It takes the compiled sub-schemas of a compiled schema (a property's schema, the target of an
 * array's {@code items} reference) so that they are not compiled a second time as fragments, which
 * costs milliseconds each at start-up. Should a networknt release change these classes, this is the one
 * file to mend; the tests of the schema set fail first.
 */
final class NetworkntInternals {
    private NetworkntInternals() {}

    /** The compiled schemas of an object schema's {@code properties}, or null when it has none. */
    static Map<String, Schema> propertySchemas(Schema schema) {
        for (KeywordValidator validator : schema.getValidators()) {
            if (validator instanceof PropertiesValidator properties) {
                Map<String, Schema> schemas = properties.getSchemas();
                schemas.values().forEach(Schema::initializeValidators);
                return Map.copyOf(schemas);
            }
        }
        return null;
    }

    /** The compiled target of an array schema's {@code items: {$ref: ...}}, or null when it has no such form. */
    static Schema itemsReferenceTarget(Schema array) {
        for (KeywordValidator validator : array.getValidators()) {
            if (validator instanceof ItemsValidator items && items.getSchema() != null) {
                for (KeywordValidator inner : items.getSchema().getValidators()) {
                    if (inner instanceof RefValidator ref) {
                        Schema target = ref.getSchemaRef().getSchema();
                        target.initializeValidators();
                        return target;
                    }
                }
            }
        }
        return null;
    }
}
