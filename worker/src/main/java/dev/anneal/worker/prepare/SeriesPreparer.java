package dev.anneal.worker.prepare;

import dev.anneal.worker.dataset.Column;
import dev.anneal.worker.dataset.CsvTable;
import dev.anneal.worker.dataset.NumericColumn;
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
import dev.anneal.worker.train.TrainingSpec;
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

    static PreparedData prepare(CsvTable table, TrainingSpec spec, PreparationOptions options) {
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
                    null));
        }
        ColumnScale targetScale = windows.scales().get(0);
        var record = new PreprocessingRecord(
                "series",
                options.normalization(),
                "drop",
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
