package dev.anneal.worker.prepare.series;

import dev.anneal.worker.prepare.NumericScaling;
import java.util.Locale;

/** How each series column is scaled before it reaches the network. */
public enum Scaling {
    /** zero mean, unit standard deviation */
    STANDARD,
    /** the fitted range onto [0, 1] */
    MINMAX,
    NONE;

    /** Fits the scale to the given values, as table columns are scaled (a constant column keeps scale 1). */
    public ColumnScale fit(double[] values) {
        return NumericScaling.scale(values, name().toLowerCase(Locale.ROOT));
    }
}
