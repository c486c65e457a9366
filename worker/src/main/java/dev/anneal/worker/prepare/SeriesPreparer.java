package dev.anneal.worker.prepare;

import dev.anneal.data.Column;
import dev.anneal.data.CsvTable;
import dev.anneal.data.NumericColumn;
import dev.anneal.spec.JobSpec;
import dev.anneal.worker.prepare.PreprocessingRecord.FeatureTransform;
import dev.anneal.worker.prepare.PreprocessingRecord.SeriesTransform;
import dev.anneal.worker.prepare.PreprocessingRecord.TargetTransform;
import dev.anneal.worker.prepare.series.ColumnScale;
import dev.anneal.worker.prepare.series.Scaling;
import dev.anneal.worker.prepare.series.SeriesWindowSpec;
import dev.anneal.worker.prepare.series.SeriesWindows;
import dev.anneal.worker.prepare.series.TargetEncoding;
import dev.anneal.worker.prepare.series.WindowSet;
import dev.anneal.worker.prepare.series.WindowedSeries;
import java.util.ArrayList;
import java.util.List;

/**
 * Prepares a time-series job: the target column is the series to forecast (rows in time order),
 * feature columns are further input series. Windows of the trial's length forecast the target
 * {@code horizon} steps after their last step; the last {@code validation.last} steps validate.
 * The target enters as its change from the window's last value, on a log scale when the series
 * is positive (trend and multiplicative seasonality then look alike at every level), so a
 * network can forecast beyond the levels it trained on.
 */
final class SeriesPreparer {

    private SeriesPreparer() {}

    static PreparedData prepare(CsvTable table, JobSpec spec, PreparationOptions options) {
        List<NumericColumn> columns = new ArrayList<>();
        columns.add(numeric(table, spec.target()));
        for (String name : spec.features()) {
            if (!name.equals(spec.target())) {
                columns.add(numeric(table, name));
            }
        }
        double[][] values = new double[table.rowCount()][columns.size()];
        boolean positive = true;
        for (int t = 0; t < values.length; t++) {
            for (int c = 0; c < columns.size(); c++) {
                values[t][c] = columns.get(c).get(t);
            }
            positive &= Double.isNaN(values[t][0]) || values[t][0] > 0;
        }
        TargetEncoding encoding = positive ? TargetEncoding.LOG_RELATIVE : TargetEncoding.RELATIVE;
        int horizon = spec.model().series().horizon();
        int filled = fillInputSeries(values, spec, options);
        WindowedSeries windows = SeriesWindows.cut(
                values,
                new SeriesWindowSpec(
                        0,
                        options.window(),
                        horizon,
                        spec.validation().last(),
                        Scaling.valueOf(options.normalization().toUpperCase(java.util.Locale.ROOT)),
                        encoding));
        WindowSet train = windows.training();
        WindowSet validation = windows.validation();
        if (validation.size() == 0) {
            throw new TrainingDataException("no validation window: every one of the last "
                    + spec.validation().last() + " steps has a missing value in its window");
        }
        List<FeatureTransform> features = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            ColumnScale scale = windows.scales().get(c);
            features.add(new FeatureTransform(
                    columns.get(c).name(),
                    "numeric",
                    columns.get(c).missingCount(),
                    scale.offset(),
                    scale.scale(),
                    null,
                    null,
                    null,
                    null));
        }
        ColumnScale targetScale = windows.scales().get(0);
        var record = new PreprocessingRecord(
                "series",
                options.normalization(),
                filled > 0 ? options.imputation() : "drop",
                table.rowCount(),
                0,
                windows.skippedWindows(),
                train.size(),
                validation.size(),
                1,
                features,
                new TargetTransform(spec.target(), null, targetScale.offset(), targetScale.scale()),
                new SeriesTransform(
                        options.window(),
                        horizon,
                        columns.stream().map(Column::name).toList(),
                        spec.target(),
                        encoding.name().toLowerCase(java.util.Locale.ROOT)));
        return new PreparedData(
                train.inputs(),
                column(train.labels()),
                validation.inputs(),
                column(validation.labels()),
                null,
                validation.originalLabels(),
                (i, output) -> validation.units().toOriginal(output, validation.anchors()[i]),
                0,
                record);
    }

    /**
     * Fills missing values of the input series (not the target) with the trial's imputation,
     * computed from the steps before the validation part, so a gap in a covariate does not cost
     * every window around it. Gaps in the target always skip their windows: a forecast target
     * cannot be invented, and a filled value would be trained on as if observed.
     *
     * @return how many cells were filled
     */
    private static int fillInputSeries(double[][] values, JobSpec spec, PreparationOptions options) {
        if (NumericScaling.DROP.equals(options.imputation())) {
            return 0;
        }
        int trainingSteps = Math.max(0, values.length - spec.validation().last());
        int filled = 0;
        for (int c = 1; c < (values.length == 0 ? 0 : values[0].length); c++) {
            final int column = c;
            double[] present = java.util.Arrays.stream(values, 0, trainingSteps)
                    .mapToDouble(row -> row[column])
                    .filter(v -> !Double.isNaN(v))
                    .toArray();
            double fill = NumericScaling.fill(
                    present, options.imputation(), spec.preprocessing().fillValue());
            for (double[] row : values) {
                if (Double.isNaN(row[c])) {
                    row[c] = fill;
                    filled++;
                }
            }
        }
        return filled;
    }

    private static NumericColumn numeric(CsvTable table, String name) {
        Column column = table.column(name)
                .orElseThrow(() -> new TrainingDataException("column \"" + name + "\" is not in the dataset"));
        if (column instanceof NumericColumn n) {
            return n;
        }
        throw new TrainingDataException("series column \"" + name + "\" holds text; series must be numbers");
    }

    private static float[][] column(float[] values) {
        float[][] out = new float[values.length][1];
        for (int i = 0; i < values.length; i++) {
            out[i][0] = values[i];
        }
        return out;
    }
}
