package dev.anneal.worker.prepare.series;

import java.util.DoubleSummaryStatistics;

/** How each series column is scaled before it reaches the network. */
public enum Scaling {
    /** zero mean, unit standard deviation */
    STANDARD,
    /** the fitted range onto [0, 1] */
    MINMAX,
    NONE;

    /**
     * Fits the scale to the given values; a constant column keeps scale 1 rather than dividing by
     * zero.
     */
    public ColumnScale fit(double[] values) {
        if (this == NONE || values.length == 0) {
            return ColumnScale.IDENTITY;
        }
        DoubleSummaryStatistics stats = new DoubleSummaryStatistics();
        for (double v : values) {
            stats.accept(v);
        }
        if (this == MINMAX) {
            double range = stats.getMax() - stats.getMin();
            return new ColumnScale(stats.getMin(), range > 0 ? range : 1);
        }
        double mean = stats.getAverage();
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / values.length);
        return new ColumnScale(mean, sd > 0 ? sd : 1);
    }
}
