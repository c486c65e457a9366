package dev.anneal.worker.prepare;

import dev.anneal.data.NumericColumn;
import dev.anneal.worker.prepare.series.ColumnScale;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits imputation and scaling of numeric columns on the training rows. Statistics use present
 * values only; a constant column gets scale 1 so it encodes as a constant instead of dividing by
 * zero.
 */
public final class NumericScaling {

    static final String STANDARD = "standard";
    static final String MINMAX = "minmax";
    static final String NONE = "none";

    static final String MEAN = "mean";
    static final String MEDIAN = "median";
    static final String MOST_FREQUENT = "most_frequent";
    static final String CONSTANT = "constant";
    static final String DROP = "drop";

    private NumericScaling() {}

    /**
     * @param pooled fit one center and scale over all the columns together (image pixels: every
     *     pixel is scaled alike, so shifting an image does not change what a value means)
     */
    static List<FeatureEncoder.Scaled> fit(
            List<NumericColumn> columns,
            int[] trainRows,
            String normalization,
            String imputation,
            double fillValue,
            boolean pooled) {
        ColumnScale pooledScaling = pooled ? scale(presentValues(columns, trainRows), normalization) : null;
        return columns.stream()
                .map(c -> {
                    double[] present = presentValues(List.of(c), trainRows);
                    ColumnScale scaling = pooled ? pooledScaling : scale(present, normalization);
                    return new FeatureEncoder.Scaled(
                            c.name(),
                            scaling.offset(),
                            scaling.scale(),
                            fill(present, imputation, fillValue),
                            trainRows.length - present.length,
                            present.length > 0 && Arrays.stream(present).allMatch(v -> v == Math.rint(v)));
                })
                .toList();
    }

    private static double[] presentValues(List<NumericColumn> columns, int[] rows) {
        double[] values = new double[columns.size() * rows.length];
        int n = 0;
        for (NumericColumn c : columns) {
            for (int row : rows) {
                double v = c.get(row);
                if (!Double.isNaN(v)) {
                    values[n++] = v;
                }
            }
        }
        return Arrays.copyOf(values, n);
    }

    /**
     * Fits {@code normalization} ({@code standard}, {@code minmax} or {@code none}) to present
     * values: the one definition for table columns and time series alike.
     */
    public static ColumnScale scale(double[] values, String normalization) {
        return switch (normalization) {
            case STANDARD -> {
                double mean = mean(values);
                double squares = 0;
                for (double v : values) {
                    squares += (v - mean) * (v - mean);
                }
                double std = values.length == 0 ? 0 : Math.sqrt(squares / values.length);
                yield new ColumnScale(mean, std > 1e-12 ? std : 1.0);
            }
            case MINMAX -> {
                double min = Arrays.stream(values).min().orElse(0);
                double max = Arrays.stream(values).max().orElse(0);
                yield new ColumnScale(min, max - min > 1e-12 ? max - min : 1.0);
            }
            case NONE -> ColumnScale.IDENTITY;
            default -> throw new IllegalArgumentException("unknown normalization " + normalization);
        };
    }

    /** The value a missing cell takes, in the column's own units. */
    static double fill(double[] present, String imputation, double fillValue) {
        if (present.length == 0) {
            return CONSTANT.equals(imputation) ? fillValue : 0;
        }
        return switch (imputation) {
            case MEAN, DROP -> mean(present);
            case MEDIAN -> median(present);
            case MOST_FREQUENT -> mostFrequent(present);
            case CONSTANT -> fillValue;
            default -> throw new IllegalArgumentException("unknown imputation " + imputation);
        };
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** The most frequent value; ties go to the smallest, so the choice is reproducible. */
    private static double mostFrequent(double[] values) {
        Map<Double, Integer> counts = new HashMap<>();
        for (double v : values) {
            counts.merge(v, 1, Integer::sum);
        }
        double best = Double.NaN;
        int bestCount = 0;
        for (var e : counts.entrySet()) {
            if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey() < best)) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }
}
