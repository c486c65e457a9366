package dev.anneal.tuner.sampler.gp;

import dev.anneal.tuner.space.UnitSpace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Maximizes an {@link Acquisition} (log expected improvement, or hypervolume improvement) over a mixed space: score a large pool of random points and
 * perturbations of the best observed points, polish the most promising with box-constrained
 * L-BFGS over the numeric dimensions (analytic gradients), round integers and lattices, try every
 * other choice of each categorical, and return the best point no trial has taken yet.
 */
final class AcquisitionOptimizer {

    static final int RANDOM_CANDIDATES = 1024;
    static final int PERTURBATIONS_PER_INCUMBENT = 64;
    static final double PERTURBATION_SCALE = 0.05;
    static final int LOCAL_STARTS = 8;
    static final int LOCAL_ITERATIONS = 50;
    static final int INCUMBENT_STARTS = 2;

    private final Acquisition acquisition;
    private final UnitSpace unit;
    private final boolean[] categorical;
    private final int d;

    AcquisitionOptimizer(Acquisition acquisition, UnitSpace unit, boolean[] categorical) {
        this.acquisition = acquisition;
        this.unit = unit;
        this.categorical = categorical;
        this.d = categorical.length;
    }

    /**
     * @param incumbents encoded points of the best observations, best first
     * @param taken parameters of every existing trial, never proposed again
     * @return the chosen point, or {@code null} if every candidate was taken
     */
    double[] maximize(List<double[]> incumbents, Set<Map<String, Object>> taken, RandomGenerator rng) {
        List<Scored> pool = new ArrayList<>();
        for (int i = 0; i < RANDOM_CANDIDATES; i++) {
            pool.add(score(randomPoint(rng)));
        }
        for (double[] incumbent : incumbents) {
            for (int i = 0; i < PERTURBATIONS_PER_INCUMBENT; i++) {
                pool.add(score(perturb(incumbent, rng)));
            }
        }
        pool.sort(Comparator.comparingDouble(Scored::value).reversed());
        List<Scored> polished = new ArrayList<>();
        for (int i = 0; i < Math.min(LOCAL_STARTS, pool.size()); i++) {
            polished.add(polish(pool.get(i).x()));
        }
        // local searches from the best observations themselves: where exploitation pays off,
        // the optimum of the acquisition is a short step from them
        for (int i = 0; i < Math.min(INCUMBENT_STARTS, incumbents.size()); i++) {
            polished.add(polish(incumbents.get(i)));
        }
        polished.addAll(pool.subList(0, Math.min(4 * LOCAL_STARTS, pool.size())).stream()
                .map(s -> score(snap(s.x())))
                .toList());
        polished.sort(Comparator.comparingDouble(Scored::value).reversed());
        for (Scored s : polished) {
            if (!taken.contains(unit.decode(s.x()))) {
                return s.x();
            }
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            double[] x = snap(randomPoint(rng));
            if (!taken.contains(unit.decode(x))) {
                return x;
            }
        }
        return null;
    }

    private record Scored(double[] x, double value) {}

    private Scored score(double[] x) {
        return new Scored(x, acquisition.value(x));
    }

    private Scored polish(double[] start) {
        double[] lower = new double[d];
        double[] upper = new double[d];
        for (int j = 0; j < d; j++) {
            // categorical coordinates stay put: a zero-width box
            lower[j] = categorical[j] ? start[j] : 0;
            upper[j] = categorical[j] ? start[j] : 1;
        }
        BoxLbfgs.Result result = BoxLbfgs.minimize(
                (x, gradient) -> {
                    double value = acquisition.valueAndGradient(x, gradient);
                    for (int j = 0; j < d; j++) {
                        gradient[j] = -gradient[j];
                    }
                    return -value;
                },
                start,
                lower,
                upper,
                LOCAL_ITERATIONS,
                1e-7);
        Scored current = score(snap(result.x()));
        return improveCategoricals(current);
    }

    /** One pass of trying every other choice of each categorical dimension. */
    private Scored improveCategoricals(Scored current) {
        for (int j = 0; j < d; j++) {
            if (!categorical[j]) {
                continue;
            }
            for (int c = 0; c < unit.choices(j); c++) {
                if (c == (int) current.x()[j]) {
                    continue;
                }
                double[] x = current.x().clone();
                x[j] = c;
                Scored candidate = score(x);
                if (candidate.value() > current.value()) {
                    current = candidate;
                }
            }
        }
        return current;
    }

    /** The point as the trial would run it: integers and lattices rounded. */
    private double[] snap(double[] x) {
        return unit.encode(unit.decode(x));
    }

    private double[] randomPoint(RandomGenerator rng) {
        double[] x = new double[d];
        for (int j = 0; j < d; j++) {
            x[j] = categorical[j] ? rng.nextInt(unit.choices(j)) : rng.nextDouble();
        }
        return x;
    }

    private double[] perturb(double[] incumbent, RandomGenerator rng) {
        double[] x = incumbent.clone();
        double categoricalFlip = 1.0 / Math.max(1, d);
        for (int j = 0; j < d; j++) {
            if (categorical[j]) {
                if (rng.nextDouble() < categoricalFlip) {
                    x[j] = rng.nextInt(unit.choices(j));
                }
            } else {
                x[j] = Math.max(0, Math.min(1, x[j] + PERTURBATION_SCALE * rng.nextGaussian()));
            }
        }
        return x;
    }
}
