package dev.anneal.worker.prepare.series;

/** An affine map {@code (x - offset) / scale} fitted to one series column, and its inverse. */
public record ColumnScale(double offset, double scale) {

    public static final ColumnScale IDENTITY = new ColumnScale(0, 1);

    public double apply(double x) {
        return (x - offset) / scale;
    }

    public double invert(double scaled) {
        return scaled * scale + offset;
    }
}
