package dev.anneal.tuner.space;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Integers in {@code [low, high]}, both ends included: uniform, log-uniform ({@code log}), or
 * every {@code step}-th value from {@code low}.
 */
public record IntDistribution(String name, long low, long high, boolean log, long step) implements Distribution {

    public IntDistribution {
        if (low > high) {
            throw new InvalidSearchSpaceException(name, "min", "must be <= max, but was " + low + " > " + high);
        }
        if (log && low <= 0) {
            throw new InvalidSearchSpaceException(name, "min", "must be > 0 when log is true, but was " + low);
        }
        if (step < 1) {
            throw new InvalidSearchSpaceException(name, "step", "must be >= 1, but was " + step);
        }
        if (log && step != 1) {
            throw new InvalidSearchSpaceException(name, "step", "cannot be combined with log");
        }
        if ((high - low) % step != 0) {
            throw new InvalidSearchSpaceException(
                    name, "step", "must divide max - min, but " + high + " - " + low + " is not a multiple of " + step);
        }
    }

    @Override
    public boolean contains(Object value) {
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            return false;
        }
        long v = n.longValue();
        return v >= low && v <= high && (v - low) % step == 0;
    }

    @Override
    public Object sample(RandomGenerator rng) {
        if (log && low != high) {
            // log-uniform over [low - 0.5, high + 0.5] then rounded, so every integer in range
            // (including both ends) gets the share of the log scale it covers
            double v = Math.exp(rng.nextDouble(Math.log(low - 0.5), Math.log(high + 0.5)));
            return Math.min(high, Math.max(low, Math.round(v)));
        }
        return low + step * rng.nextLong(size());
    }

    @Override
    public boolean isEnumerable() {
        return true;
    }

    @Override
    public List<Object> values() {
        List<Object> values = new ArrayList<>();
        for (long v = low; v <= high; v += step) {
            values.add(v);
        }
        return values;
    }

    @Override
    public long size() {
        return (high - low) / step + 1;
    }
}
