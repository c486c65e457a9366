package dev.anneal.bench.search;

import java.util.Arrays;

/** Percentiles as numpy computes them by default (linear interpolation, R type 7), as reference.md does. */
public final class Stats {

    private Stats() {}

    public static double percentile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    public static double median(double[] values) {
        return percentile(values, 0.5);
    }

    static String format(double v) {
        if (v == 0) {
            return "0";
        }
        double abs = Math.abs(v);
        return abs >= 1000 || abs < 1e-3 ? String.format("%.3g", v) : String.format("%.4g", v);
    }
}
