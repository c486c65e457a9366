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

    /** A file size as people read it: {@code 812 bytes}, {@code 45 KB}, {@code 3.2 MB} (powers of 1024). */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
