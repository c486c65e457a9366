package dev.anneal.worker.prepare;

import dev.anneal.worker.prepare.PreprocessingRecord.FeatureTransform;
import dev.anneal.worker.prepare.series.ColumnScale;
import dev.anneal.worker.prepare.series.TargetEncoding;
import dev.anneal.worker.prepare.series.TargetUnits;
import java.util.List;
import java.util.Locale;

/**
 * A stored time-series model's window encoding, rebuilt from its preprocessing record: the last
 * {@code window} steps of the series become one network input exactly as training windows did,
 * and the network's output becomes a forecast in the series' own units.
 */
public final class SeriesForecast {

    private final PreprocessingRecord record;
    private final List<ColumnScale> scales;
    private final TargetUnits units;

    public SeriesForecast(PreprocessingRecord record) {
        this.record = record;
        this.scales = record.features().stream()
                .map(f -> new ColumnScale(f.center(), f.scale()))
                .toList();
        this.units = new TargetUnits(
                TargetEncoding.valueOf(record.series().encoding().toUpperCase(Locale.ROOT)), scales.get(0));
    }

    public int window() {
        return record.series().window();
    }

    /** Series columns, the target first: what each history row must hold. */
    public List<String> columns() {
        return record.features().stream().map(FeatureTransform::column).toList();
    }

    /**
     * @param steps the last {@link #window()} steps, oldest first, each with a value per
     *     {@link #columns()} column
     */
    public float[] encode(double[][] steps) {
        int columns = scales.size();
        double anchor = steps[steps.length - 1][0];
        float[] input = new float[steps.length * columns];
        for (int step = 0; step < steps.length; step++) {
            for (int c = 0; c < columns; c++) {
                double v = steps[step][c];
                input[step * columns + c] = (float)
                        (c == 0 ? units.toNetwork(v, anchor) : scales.get(c).apply(v));
            }
        }
        return input;
    }

    /** The forecast {@code horizon} steps after the window's last step, in the series' units. */
    public double decode(double output, double[][] steps) {
        return units.toOriginal(output, steps[steps.length - 1][0]);
    }

    public int horizon() {
        return record.series().horizon();
    }
}
