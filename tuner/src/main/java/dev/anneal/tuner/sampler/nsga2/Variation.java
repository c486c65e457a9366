package dev.anneal.tuner.sampler.nsga2;

import dev.anneal.tuner.space.UnitSpace;
import java.util.random.RandomGenerator;

/**
 * How NSGA-II makes a child from two parents, in {@link UnitSpace} coordinates. Numeric dimensions
 * (continuous, integer, lattice: all in [0, 1], integers snapped when decoded) use Deb's
 * operators for real-coded genes: simulated binary crossover (SBX), whose children spread around
 * the parents in proportion to their distance, so the search narrows as the population
 * converges; and polynomial mutation, a step that is usually small but can reach the bounds.
 * Both are the bounded forms of Deb's reference implementation, which never leave [0, 1].
 * Categorical dimensions take either parent's choice (uniform crossover) and are redrawn
 * uniformly on mutation. Each dimension mutates with probability 1/d, so a child differs from
 * the crossover's result in about one dimension.
 */
final class Variation {

    private final UnitSpace unit;
    private final Nsga2Settings settings;
    private final double mutationProbability;

    Variation(UnitSpace unit, Nsga2Settings settings) {
        this.unit = unit;
        this.settings = settings;
        this.mutationProbability = 1.0 / Math.max(1, unit.dimensions());
    }

    /** One child of {@code a} and {@code b}: crossover (with the settings' probability), then mutation. */
    double[] child(double[] a, double[] b, RandomGenerator rng) {
        double[] child = a.clone();
        if (rng.nextDouble() < settings.crossoverProbability()) {
            for (int i = 0; i < child.length; i++) {
                child[i] = unit.isCategorical(i)
                        ? (rng.nextBoolean() ? a[i] : b[i])
                        : simulatedBinaryCrossover(a[i], b[i], settings.crossoverEta(), rng);
            }
        }
        for (int i = 0; i < child.length; i++) {
            if (rng.nextDouble() < mutationProbability) {
                child[i] = unit.isCategorical(i)
                        ? rng.nextInt(unit.choices(i))
                        : polynomialMutation(child[i], settings.mutationEta(), rng);
            }
        }
        return child;
    }

    /**
     * One of the two SBX children's values of a gene in [0, 1] (either with equal chance). As in
     * Deb's code, each gene crosses with probability 1/2 and keeps a parent's value otherwise,
     * and the spread factor's distribution is cut at the bounds, so children never need clipping.
     */
    static double simulatedBinaryCrossover(double a, double b, double eta, RandomGenerator rng) {
        boolean cross = rng.nextBoolean();
        double u = rng.nextDouble();
        boolean second = rng.nextBoolean();
        if (!cross || Math.abs(a - b) < 1e-14) {
            return second ? b : a;
        }
        double y1 = Math.min(a, b);
        double y2 = Math.max(a, b);
        double gap = y2 - y1;
        double c1 = 0.5 * (y1 + y2 - spread(1 + 2 * y1 / gap, eta, u) * gap);
        double c2 = 0.5 * (y1 + y2 + spread(1 + 2 * (1 - y2) / gap, eta, u) * gap);
        return clamp(second ? c2 : c1);
    }

    /** SBX's spread factor β_q for uniform {@code u}, its distribution truncated where a child would pass the bound. */
    private static double spread(double beta, double eta, double u) {
        double alpha = 2 - Math.pow(beta, -(eta + 1));
        return u <= 1 / alpha ? Math.pow(u * alpha, 1 / (eta + 1)) : Math.pow(1 / (2 - u * alpha), 1 / (eta + 1));
    }

    /** Deb's bounded polynomial mutation of a gene in [0, 1]. */
    static double polynomialMutation(double y, double eta, RandomGenerator rng) {
        double u = rng.nextDouble();
        double power = 1 / (eta + 1);
        double delta;
        if (u <= 0.5) {
            double xy = 1 - y;
            double v = 2 * u + (1 - 2 * u) * Math.pow(xy, eta + 1);
            delta = Math.pow(v, power) - 1;
        } else {
            double xy = y;
            double v = 2 * (1 - u) + 2 * (u - 0.5) * Math.pow(xy, eta + 1);
            delta = 1 - Math.pow(v, power);
        }
        return clamp(y + delta);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
