package dev.anneal.worker.prepare.series;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a multivariate series into sliding windows for forecasting one of its columns, and splits
 * them chronologically: the windows whose label lies in the last {@code validationCount} time
 * steps validate, all earlier ones train. Shuffling windows across that boundary would let the
 * model see the future it is asked to forecast, so the split is never random.
 *
 * <p>Scalers are fitted on the time steps before the first validation label only, for the same
 * reason.
 */
public final class SeriesWindows {

    private SeriesWindows() {}

    /**
     * @param values time steps × columns in chronological order, {@link Double#NaN} for a missing
     *     value
     * @throws SeriesWindowException when the series is too short or too gappy for the spec
     */
    public static WindowedSeries cut(double[][] values, SeriesWindowSpec spec) {
        int rows = values.length;
        int columns = columnCount(values, spec.targetColumn());
        if (spec.window() + spec.horizon() > rows) {
            throw new SeriesWindowException("window %d + horizon %d is longer than the series (%d rows)"
                    .formatted(spec.window(), spec.horizon(), rows));
        }
        if (spec.encoding() == TargetEncoding.LOG_RELATIVE) {
            requirePositive(values, spec.targetColumn());
        }
        int firstValidationTime = rows - spec.validationCount();
        List<Integer> trainingEnds = new ArrayList<>();
        List<Integer> validationEnds = new ArrayList<>();
        int skipped = 0;
        for (int end = spec.window() - 1; end + spec.horizon() < rows; end++) {
            if (hasMissing(values, end - spec.window() + 1, end)
                    || Double.isNaN(values[end + spec.horizon()][spec.targetColumn()])) {
                skipped++;
            } else if (end + spec.horizon() >= firstValidationTime) {
                validationEnds.add(end);
            } else {
                trainingEnds.add(end);
            }
        }
        if (trainingEnds.isEmpty()) {
            throw new SeriesWindowException(
                    "window %d + horizon %d leaves no training windows: the series has %d rows, the last %d validate, %d windows skipped for missing values"
                            .formatted(spec.window(), spec.horizon(), rows, spec.validationCount(), skipped));
        }
        List<ColumnScale> scales = new ArrayList<>();
        for (int column = 0; column < columns; column++) {
            scales.add(spec.scaling().fit(trainingValues(values, column, spec, trainingEnds, firstValidationTime)));
        }
        var cutter = new Cutter(values, spec, scales);
        return new WindowedSeries(cutter.part(trainingEnds), cutter.part(validationEnds), skipped, scales);
    }

    /**
     * The values a column's scaler is fitted on, all from time steps before the first validation
     * label. A relative target is fitted on its encoded form (the changes the network sees), taken
     * from the training windows, whose inputs and labels all lie before that time.
     */
    private static double[] trainingValues(
            double[][] values, int column, SeriesWindowSpec spec, List<Integer> trainingEnds, int firstValidationTime) {
        int target = spec.targetColumn();
        if (column == target && spec.encoding() != TargetEncoding.ABSOLUTE) {
            double[] encoded = new double[trainingEnds.size() * (spec.window() + 1)];
            int k = 0;
            for (int end : trainingEnds) {
                double anchor = values[end][target];
                for (int t = end - spec.window() + 1; t <= end; t++) {
                    encoded[k++] = spec.encoding().encode(values[t][target], anchor);
                }
                encoded[k++] = spec.encoding().encode(values[end + spec.horizon()][target], anchor);
            }
            return encoded;
        }
        List<Double> present = new ArrayList<>();
        for (int t = 0; t < firstValidationTime; t++) {
            if (!Double.isNaN(values[t][column])) {
                present.add(values[t][column]);
            }
        }
        return present.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static int columnCount(double[][] values, int targetColumn) {
        if (values.length == 0) {
            throw new SeriesWindowException("the series is empty");
        }
        int columns = values[0].length;
        for (int t = 1; t < values.length; t++) {
            if (values[t].length != columns) {
                throw new SeriesWindowException(
                        "time step %d has %d values, the first has %d".formatted(t, values[t].length, columns));
            }
        }
        if (targetColumn < 0 || targetColumn >= columns) {
            throw new SeriesWindowException(
                    "target column %d is not among the series' %d columns".formatted(targetColumn, columns));
        }
        return columns;
    }

    private static void requirePositive(double[][] values, int target) {
        for (int t = 0; t < values.length; t++) {
            if (values[t][target] <= 0) {
                throw new SeriesWindowException("a log scale needs a positive target series, but time step %d is %s"
                        .formatted(t, values[t][target]));
            }
        }
    }

    private static boolean hasMissing(double[][] values, int from, int to) {
        for (int t = from; t <= to; t++) {
            for (double v : values[t]) {
                if (Double.isNaN(v)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Builds the arrays of one part once the scalers are known. */
    private record Cutter(double[][] values, SeriesWindowSpec spec, List<ColumnScale> scales) {

        WindowSet part(List<Integer> ends) {
            int n = ends.size();
            int columns = scales.size();
            int target = spec.targetColumn();
            var units = new TargetUnits(spec.encoding(), scales.get(target));
            float[][] inputs = new float[n][spec.window() * columns];
            float[] labels = new float[n];
            int[] labelTimes = new int[n];
            double[] anchors = new double[n];
            double[] originalLabels = new double[n];
            for (int i = 0; i < n; i++) {
                int end = ends.get(i);
                double anchor = values[end][target];
                int start = end - spec.window() + 1;
                for (int step = 0; step < spec.window(); step++) {
                    for (int c = 0; c < columns; c++) {
                        double v = values[start + step][c];
                        inputs[i][step * columns + c] = (float)
                                (c == target
                                        ? units.toNetwork(v, anchor)
                                        : scales.get(c).apply(v));
                    }
                }
                labelTimes[i] = end + spec.horizon();
                anchors[i] = anchor;
                originalLabels[i] = values[labelTimes[i]][target];
                labels[i] = (float) units.toNetwork(originalLabels[i], anchor);
            }
            return new WindowSet(inputs, labels, labelTimes, anchors, originalLabels, units);
        }
    }
}
