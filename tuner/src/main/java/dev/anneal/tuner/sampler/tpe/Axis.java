package dev.anneal.tuner.sampler.tpe;

import dev.anneal.tuner.space.Distribution;
import dev.anneal.tuner.space.IntDistribution;
import dev.anneal.tuner.space.UnitSpace;

/**
 * One dimension of a {@link UnitSpace} as the Parzen estimator sees it. Numeric axes span
 * [0, 1]; a discrete one (integers, step lattices) is cut into the cells that {@link
 * UnitSpace#decode} rounds to, and a kernel's density at a point of such an axis is the mass of
 * the point's cell, as Optuna does for {@code step} and integer distributions.
 */
final class Axis {

    enum Kind {
        CONTINUOUS,
        CELLS,
        CATEGORICAL
    }

    private final Kind kind;
    private final int choices;
    /** Number of equal-width cells; 0 for log-scaled integers, whose cells widen with the value. */
    private final long cells;
    /** A log-scaled integer range: low, high and the axis ends log(low - 0.5), log(high + 0.5). */
    private final long low;

    private final long high;
    private final double logLow;
    private final double logHigh;

    private Axis(Kind kind, int choices, long cells, long low, long high) {
        this.kind = kind;
        this.choices = choices;
        this.cells = cells;
        this.low = low;
        this.high = high;
        this.logLow = Math.log(low - 0.5);
        this.logHigh = Math.log(high + 0.5);
    }

    static Axis[] of(UnitSpace unit) {
        Axis[] axes = new Axis[unit.dimensions()];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = of(unit, i);
        }
        return axes;
    }

    private static Axis of(UnitSpace unit, int i) {
        if (unit.isCategorical(i)) {
            return new Axis(Kind.CATEGORICAL, unit.choices(i), 0, 1, 1);
        }
        Distribution d = unit.parameter(i);
        if (d instanceof IntDistribution n && n.log()) {
            return new Axis(Kind.CELLS, 0, 0, n.low(), n.high());
        }
        long cells = unit.cells(i);
        return cells == 0 ? new Axis(Kind.CONTINUOUS, 0, 0, 1, 1) : new Axis(Kind.CELLS, 0, cells, 1, 1);
    }

    Kind kind() {
        return kind;
    }

    /** Number of choices of a categorical axis. */
    int choices() {
        return choices;
    }

    /** Lower end of the cell holding {@code u}, on a {@link Kind#CELLS} axis. */
    double cellLow(double u) {
        if (cells > 0) {
            return cellIndex(u) / (double) cells;
        }
        return position(logIntegerAt(u) - 0.5);
    }

    /** Upper end of the cell holding {@code u}, on a {@link Kind#CELLS} axis. */
    double cellHigh(double u) {
        if (cells > 0) {
            return (cellIndex(u) + 1) / (double) cells;
        }
        return position(logIntegerAt(u) + 0.5);
    }

    /** The cell {@link UnitSpace#decode} maps {@code u} to. */
    private long cellIndex(double u) {
        return Math.max(0, Math.min(cells - 1, (long) Math.floor(u * cells)));
    }

    /** The integer {@link UnitSpace#decode} maps {@code u} to on a log-scaled integer axis. */
    private long logIntegerAt(double u) {
        double t = Math.max(0, Math.min(1, u));
        long v = Math.round(Math.exp(logLow + t * (logHigh - logLow)));
        return Math.max(low, Math.min(high, v));
    }

    private double position(double value) {
        return Math.max(0, Math.min(1, (Math.log(value) - logLow) / (logHigh - logLow)));
    }
}
