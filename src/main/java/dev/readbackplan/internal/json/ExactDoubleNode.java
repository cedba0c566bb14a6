package dev.readbackplan.internal.json;

import com.fasterxml.jackson.databind.node.DoubleNode;
import java.math.BigDecimal;

/**
 * A JSON number with a fraction or an exponent: a double, as Python reads it (so the plan writes it as
 * Python's repr of that double), that also knows the exact decimal it was written as.
 *
 * <p>Whether it is an integer, and its decimal value, are judged on the text, not on the double: {@code
 * 9007199254740990.5} rounds to an integral double, but it is not an integer, and a count schema must
 * say so.
 */
public final class ExactDoubleNode extends DoubleNode {
    private static final long serialVersionUID = 1L;

    private final String text;

    public ExactDoubleNode(double value, String text) {
        super(value);
        this.text = text;
    }

    @Override
    public BigDecimal decimalValue() {
        return new BigDecimal(text);
    }

    @Override
    public boolean canConvertToExactIntegral() {
        BigDecimal exact = new BigDecimal(text);
        return exact.signum() == 0 || exact.stripTrailingZeros().scale() <= 0;
    }
}
