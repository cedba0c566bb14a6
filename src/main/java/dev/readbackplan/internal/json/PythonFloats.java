package dev.readbackplan.internal.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Formats a double the way Python's {@code repr(float)} (and so {@code json.dumps}) does.
 *
 * <p>The schemas accept integral floats such as {@code 5.0} or {@code 1e2} wherever they accept
 * integers (JSON Schema counts them as integers), and the reference generator writes them back as
 * Python floats ({@code 5.0}, {@code 100.0}). Java's {@code Double.toString} differs ({@code 1.0E7}
 * against {@code 10000000.0}, and JDK 17 is not always shortest), so the digits and the layout are
 * computed here: the shortest decimal that reads back as the same double, laid out in fixed notation
 * when the decimal exponent is in (-4, 16] and in exponent notation otherwise.
 */
final class PythonFloats {
    private PythonFloats() {}

    static String repr(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return (1 / value < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortestRoundTrip(value);
        String digits = shortest.unscaledValue().abs().toString();
        int length = digits.length();
        // digits has no trailing zeros; the value is 0.DIGITS x 10^pointPosition.
        int pointPosition = length - shortest.scale();
        StringBuilder out = new StringBuilder(length + 8);
        if (value < 0) {
            out.append('-');
        }
        if (pointPosition > -4 && pointPosition <= 16) {
            if (pointPosition <= 0) {
                out.append("0.");
                out.append("0".repeat(-pointPosition));
                out.append(digits);
            } else if (pointPosition >= length) {
                out.append(digits);
                out.append("0".repeat(pointPosition - length));
                out.append(".0");
            } else {
                out.append(digits, 0, pointPosition);
                out.append('.');
                out.append(digits, pointPosition, length);
            }
        } else {
            out.append(digits.charAt(0));
            if (length > 1) {
                out.append('.');
                out.append(digits, 1, length);
            }
            int exponent = pointPosition - 1;
            out.append(exponent < 0 ? "e-" : "e+");
            int magnitude = Math.abs(exponent);
            if (magnitude < 10) {
                out.append('0');
            }
            out.append(magnitude);
        }
        return out.toString();
    }

    /** The decimal with the fewest significant digits that parses back to {@code value}, trailing zeros stripped. */
    private static BigDecimal shortestRoundTrip(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(candidate.toString()) == value) {
                return candidate.stripTrailingZeros();
            }
        }
        // 17 significant digits always identify a double uniquely.
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
