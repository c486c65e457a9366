package dev.anneal.worker.prepare.series;

/**
 * How the target series enters a window. The relative forms express each target value (inputs and
 * label) against the last observed target value of its window, so the network predicts a change
 * rather than a level: a trending series such as airline passengers leaves the range the training
 * part covered, and a network predicting levels cannot extrapolate beyond it.
 */
public enum TargetEncoding {
    /** the value itself */
    ABSOLUTE,
    /** {@code value - anchor} */
    RELATIVE,
    /**
     * {@code log(value) - log(anchor)}: for positive series whose swings grow with their level
     * (multiplicative seasonality), the log change is about the same size at every level.
     */
    LOG_RELATIVE;

    public double encode(double value, double anchor) {
        return switch (this) {
            case ABSOLUTE -> value;
            case RELATIVE -> value - anchor;
            case LOG_RELATIVE -> Math.log(value) - Math.log(anchor);
        };
    }

    public double decode(double encoded, double anchor) {
        return switch (this) {
            case ABSOLUTE -> encoded;
            case RELATIVE -> anchor + encoded;
            case LOG_RELATIVE -> anchor * Math.exp(encoded);
        };
    }
}
