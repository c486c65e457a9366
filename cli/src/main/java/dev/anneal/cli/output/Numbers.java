package dev.anneal.cli.output;

import java.math.BigDecimal;
import java.time.Duration;

/** How numbers and durations look in the CLI's output and reports. */
public final class Numbers {

    private Numbers() {}

    /** At most 6 significant digits without trailing zeros: 0.9667, 1, 2.5e-05 as 0.000025. */
    public static String format(Double value) {
        if (value == null) {
            return "-";
        }
        if (value.isNaN() || value.isInfinite()) {
            return value.toString();
        }
        BigDecimal rounded = new BigDecimal(value).round(new java.math.MathContext(6));
        return rounded.stripTrailingZeros().toPlainString();
    }

    /** {@code 42s}, {@code 3m 05s}, {@code 1h 02m}. */
    public static String format(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format("%dm %02ds", seconds / 60, seconds % 60);
        }
        return String.format("%dh %02dm", seconds / 3600, (seconds % 3600) / 60);
    }
}
