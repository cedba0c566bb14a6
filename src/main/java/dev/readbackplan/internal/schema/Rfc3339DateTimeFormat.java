package dev.readbackplan.internal.schema;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;

/**
 * {@link Rfc3339DateTime} as networknt's {@code date-time} format. A class of its own so that the
 * grammar, which the generated fast checks call, loads no networknt class.
 */
final class Rfc3339DateTimeFormat implements Format {
    /** The one instance registered with the validator. */
    static final Rfc3339DateTimeFormat INSTANCE = new Rfc3339DateTimeFormat();

    private Rfc3339DateTimeFormat() {}

    @Override
    public String getName() {
        return "date-time";
    }

    @Override
    public String getMessageKey() {
        return "format.date-time";
    }

    @Override
    public boolean matches(ExecutionContext executionContext, String value) {
        return Rfc3339DateTime.isValid(value);
    }
}
