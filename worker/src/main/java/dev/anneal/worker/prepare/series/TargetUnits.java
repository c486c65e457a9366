package dev.anneal.worker.prepare.series;

/**
 * Maps a network output for the target back to the series' own units: undo the scaler, then the
 * encoding against the window's last observed target value. Errors (RMSE, MAE) are reported on
 * these values so that they mean passengers, degrees or euros, whatever the scaling.
 */
public record TargetUnits(TargetEncoding encoding, ColumnScale scale) {

    public double toOriginal(double prediction, double anchor) {
        return encoding.decode(scale.invert(prediction), anchor);
    }

    /** What the network is trained to output for a target value, given its window's anchor. */
    public double toNetwork(double value, double anchor) {
        return scale.apply(encoding.encode(value, anchor));
    }
}
