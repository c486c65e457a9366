package dev.anneal.worker.prepare.series;

/**
 * One part (training or validation) of a windowed series, window {@code i} in row {@code i} of
 * every array, in chronological order.
 *
 * @param inputs scaled window values, time-major: t0c0, t0c1, ..., t1c0, ...
 * @param labels scaled (and encoded) target value {@code horizon} steps after the window
 * @param labelTimes row of the series each label comes from
 * @param anchors last observed target value of each window, in original units
 * @param originalLabels the labels in original units, to measure errors against
 * @param units inverts network outputs to original units
 */
public record WindowSet(
        float[][] inputs,
        float[] labels,
        int[] labelTimes,
        double[] anchors,
        double[] originalLabels,
        TargetUnits units) {

    public int size() {
        return labels.length;
    }

    /** Network outputs for these windows, one per window, back in the series' units. */
    public double[] toOriginalUnits(float[] predictions) {
        if (predictions.length != size()) {
            throw new IllegalArgumentException(predictions.length + " predictions for " + size() + " windows");
        }
        double[] original = new double[predictions.length];
        for (int i = 0; i < predictions.length; i++) {
            original[i] = units.toOriginal(predictions[i], anchors[i]);
        }
        return original;
    }
}
