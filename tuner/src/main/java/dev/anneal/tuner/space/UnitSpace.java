package dev.anneal.tuner.space;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A search space seen as numbers, for model-based samplers. Each searched parameter becomes one
 * dimension:
 *
 * <ul>
 *   <li>a float or int range becomes a continuous dimension in [0, 1], linear or (for log
 *       ranges) logarithmic; integers and step lattices occupy equal-width cells, so decoding
 *       rounds to the nearest value and every value gets the same share of the axis;
 *   <li>a categorical becomes a categorical dimension whose coordinate is the choice's index.
 * </ul>
 *
 * Fixed values take no dimension and are added back by {@link #decode}.
 */
public final class UnitSpace {

    private final SearchSpace space;
    private final List<Distribution> searched;

    public UnitSpace(SearchSpace space) {
        this.space = space;
        List<Distribution> dims = new ArrayList<>();
        for (Distribution d : space.parameters().values()) {
            if (!(d instanceof FixedValue) && d.size() != 1) {
                dims.add(d);
            }
        }
        this.searched = List.copyOf(dims);
    }

    public SearchSpace space() {
        return space;
    }

    public int dimensions() {
        return searched.size();
    }

    /** The parameter behind dimension {@code i}. */
    public Distribution parameter(int i) {
        return searched.get(i);
    }

    public boolean isCategorical(int i) {
        return searched.get(i) instanceof CategoricalDistribution;
    }

    /** Number of choices of a categorical dimension. */
    public int choices(int i) {
        return (int) searched.get(i).size();
    }

    /**
     * Number of distinct values a numeric dimension can take (its cells), or 0 when continuous.
     */
    public long cells(int i) {
        Distribution d = searched.get(i);
        return d.isEnumerable() ? d.size() : 0;
    }

    /** Coordinates of {@code params}: in [0, 1] for numeric dimensions, the choice index for categorical ones. */
    public double[] encode(Map<String, Object> params) {
        double[] x = new double[searched.size()];
        for (int i = 0; i < x.length; i++) {
            Distribution d = searched.get(i);
            Object v = params.get(d.name());
            if (v == null) {
                throw new IllegalArgumentException("parameter " + d.name() + " is missing from " + params);
            }
            x[i] = encode(d, v);
        }
        return x;
    }

    /** Parameters at {@code x}: values rounded to what each distribution can produce, fixed values added. */
    public Map<String, Object> decode(double[] x) {
        Map<String, Object> params = new LinkedHashMap<>();
        int i = 0;
        for (Distribution d : space.parameters().values()) {
            if (d instanceof FixedValue || d.size() == 1) {
                params.put(d.name(), d.values().get(0));
            } else {
                params.put(d.name(), decode(d, x[i++]));
            }
        }
        return params;
    }

    private static double encode(Distribution d, Object v) {
        if (d instanceof CategoricalDistribution c) {
            int index = c.choices().indexOf(v);
            if (index < 0) {
                throw new IllegalArgumentException(v + " is not a choice of " + d.name());
            }
            return index;
        }
        double value = ((Number) v).doubleValue();
        if (d instanceof FloatDistribution f && f.step() == null) {
            return clamp(
                    f.log()
                            ? (Math.log(value) - Math.log(f.low())) / (Math.log(f.high()) - Math.log(f.low()))
                            : (value - f.low()) / (f.high() - f.low()));
        }
        if (d instanceof IntDistribution i && i.log()) {
            double lo = Math.log(i.low() - 0.5);
            double hi = Math.log(i.high() + 0.5);
            return clamp((Math.log(value) - lo) / (hi - lo));
        }
        // an equal-width cell per value: integers and step lattices
        long k = latticeIndex(d, value);
        return (k + 0.5) / d.size();
    }

    private static Object decode(Distribution d, double u) {
        if (d instanceof CategoricalDistribution c) {
            int index = (int) Math.max(0, Math.min(c.choices().size() - 1, Math.round(u)));
            return c.choices().get(index);
        }
        double t = clamp(u);
        if (d instanceof FloatDistribution f && f.step() == null) {
            double v = f.log()
                    ? Math.exp(Math.log(f.low()) + t * (Math.log(f.high()) - Math.log(f.low())))
                    : f.low() + t * (f.high() - f.low());
            return Math.max(f.low(), Math.min(f.high(), v));
        }
        if (d instanceof IntDistribution i && i.log()) {
            double lo = Math.log(i.low() - 0.5);
            double hi = Math.log(i.high() + 0.5);
            long v = Math.round(Math.exp(lo + t * (hi - lo)));
            return Math.max(i.low(), Math.min(i.high(), v));
        }
        long k = Math.min(d.size() - 1, (long) Math.floor(t * d.size()));
        return latticeValue(d, k);
    }

    /** Value {@code k} of an int range or float lattice, without listing them all. */
    private static Object latticeValue(Distribution d, long k) {
        if (d instanceof IntDistribution i) {
            return i.low() + k * i.step();
        }
        return ((FloatDistribution) d).latticePoint(k);
    }

    private static long latticeIndex(Distribution d, double value) {
        if (d instanceof IntDistribution i) {
            return Math.max(0, Math.min(i.size() - 1, Math.round((value - i.low()) / (double) i.step())));
        }
        FloatDistribution f = (FloatDistribution) d;
        return Math.max(0, Math.min(f.size() - 1, Math.round((value - f.low()) / f.step())));
    }

    private static double clamp(double u) {
        return Math.max(0.0, Math.min(1.0, u));
    }
}
