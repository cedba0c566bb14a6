package dev.readbackplan.internal.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The generated checks compare a number with an integer bound by {@link FastCheck#compare} (a long
 * comparison when the number is an integer within a long) instead of a {@code BigDecimal} constant.
 * Differential: for numbers of every node kind Jackson makes, around every bound, it orders them as
 * the plain way does ({@code decimalValue().compareTo(BigDecimal.valueOf(bound))}).
 */
class FastCheckCompareTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final long[] BOUNDS = {0, 1, -1, 11, 28, 39, 53, 70, 9007199254740991L, Integer.MAX_VALUE,
        Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE};

    @Test
    void ordersEveryKindOfNumberAsTheDecimalComparisonDoes() {
        Random random = new Random(16);
        int compared = 0;
        for (long bound : BOUNDS) {
            List<JsonNode> numbers = new ArrayList<>();
            for (long delta = -2; delta <= 2; delta++) {
                BigInteger value = BigInteger.valueOf(bound).add(BigInteger.valueOf(delta));
                numbers.addAll(kinds(value));
                numbers.add(NODES.numberNode(new BigDecimal(value).add(new BigDecimal("0.5"))));
                numbers.add(NODES.numberNode(new BigDecimal(value).subtract(new BigDecimal("1E-30"))));
            }
            for (int i = 0; i < 200; i++) {
                numbers.addAll(kinds(BigInteger.valueOf(random.nextLong())));
                numbers.add(NODES.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(25)) * (random.nextBoolean() ? 1 : -1)));
                numbers.add(NODES.numberNode(new BigInteger(100, random).negate()));
            }
            for (JsonNode number : numbers) {
                int plain = number.decimalValue().compareTo(BigDecimal.valueOf(bound));
                assertEquals(Integer.signum(plain), Integer.signum(FastCheck.compare(number, bound)), number + " against " + bound
                        + " (" + number.getClass().getSimpleName() + ")");
                compared++;
            }
        }
        assertFalse(compared < 10_000, "compared " + compared);
    }

    /** The integer value as each integral node kind that can hold it, and as floating-point nodes. */
    private static List<JsonNode> kinds(BigInteger value) {
        List<JsonNode> kinds = new ArrayList<>();
        kinds.add(NODES.numberNode(value));
        kinds.add(NODES.numberNode(new BigDecimal(value)));
        if (value.bitLength() < 64) {
            kinds.add(NODES.numberNode(value.longValue()));
        }
        if (value.bitLength() < 32) {
            kinds.add(NODES.numberNode(value.intValue()));
        }
        if (value.bitLength() < 16) {
            kinds.add(NODES.numberNode(value.shortValue()));
        }
        kinds.add(NODES.numberNode(value.doubleValue()));
        kinds.add(NODES.numberNode(value.floatValue()));
        return kinds;
    }
}
