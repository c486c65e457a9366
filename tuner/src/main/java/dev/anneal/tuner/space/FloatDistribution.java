package dev.anneal.tuner.space;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Real values in {@code [low, high]}: uniform, log-uniform ({@code log}), or on the lattice
 * {@code low, low + step, ..., high} ({@code step}).
 *
 * @param step lattice spacing, or {@code null} for a continuous range
 */
public record FloatDistribution(String name, double low, double high, boolean log, Double step)
        implements Distribution {

    /** Lattice points are computed in decimal so that 0.1 steps give 0.3, not 0.30000000000000004. */
    private static final double LATTICE_TOLERANCE = 1e-9;

    public FloatDistribution {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            throw new InvalidSearchSpaceException(name, "min", "min and max must be finite numbers");
        }
        if (!(low <= high)) {
            throw new InvalidSearchSpaceException(name, "min", "must be <= max, but was " + low + " > " + high);
        }
        if (log && low <= 0) {
            throw new InvalidSearchSpaceException(name, "min", "must be > 0 when log is true, but was " + low);
        }
        if (step != null) {
            if (log) {
                throw new InvalidSearchSpaceException(name, "step", "cannot be combined with log");
            }
            if (!(step > 0) || !Double.isFinite(step)) {
                throw new InvalidSearchSpaceException(name, "step", "must be > 0, but was " + step);
            }
            double intervals = (high - low) / step;
            if (Math.abs(intervals - Math.rint(intervals)) > LATTICE_TOLERANCE * Math.max(1, intervals)) {
                throw new InvalidSearchSpaceException(
                        name,
                        "step",
                        "must divide max - min, but " + high + " - " + low + " is not a multiple of " + step);
            }
        }
    }

    @Override
    public boolean contains(Object value) {
        if (!(value instanceof Number n)) {
            return false;
        }
        double v = n.doubleValue();
        if (!(v >= low && v <= high)) {
            return false;
        }
        if (step == null) {
            return true;
        }
        double k = (v - low) / step;
        return Math.abs(k - Math.rint(k)) <= LATTICE_TOLERANCE * Math.max(1, k);
    }

    @Override
    public Object sample(RandomGenerator rng) {
        if (step != null) {
            return latticePoint(rng.nextLong(size()));
        }
        if (low == high) {
            return low;
        }
        if (log) {
            double v = Math.exp(rng.nextDouble(Math.log(low), Math.log(high)));
            return Math.min(high, Math.max(low, v));
        }
        return rng.nextDouble(low, high);
    }

    @Override
    public boolean isEnumerable() {
        return step != null || low == high;
    }

    @Override
    public List<Object> values() {
        if (!isEnumerable()) {
            throw new IllegalStateException(name + " is a continuous range; give it a step to enumerate it");
        }
        List<Object> values = new ArrayList<>();
        for (long k = 0; k < size(); k++) {
            values.add(latticePoint(k));
        }
        return values;
    }

    @Override
    public long size() {
        if (low == high) {
            return 1;
        }
        return step == null ? Long.MAX_VALUE : Math.round((high - low) / step) + 1;
    }

    /** Lattice value {@code k} (0-based); computed in decimal, so 0.1 steps give 0.3 exactly. */
    public double latticePoint(long k) {
        if (step == null) {
            return low;
        }
        return BigDecimal.valueOf(low)
                .add(BigDecimal.valueOf(step).multiply(BigDecimal.valueOf(k)))
                .doubleValue();
    }
}
