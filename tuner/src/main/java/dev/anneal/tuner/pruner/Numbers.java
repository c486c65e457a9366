package dev.anneal.tuner.pruner;

import java.math.BigDecimal;
import java.math.MathContext;

/** How reasons write values: four significant digits, no exponent, no trailing zeros. */
final class Numbers {

    private Numbers() {}

    static String format(double v) {
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
