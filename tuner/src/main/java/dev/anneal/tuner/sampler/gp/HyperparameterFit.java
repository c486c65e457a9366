package dev.anneal.tuner.sampler.gp;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Fits kernel hyperparameters by maximizing their posterior (marginal likelihood times prior)
 * with box-constrained L-BFGS from a default start and a random restart, keeping the best.
 */
final class HyperparameterFit {

    static final double MIN_NOISE = 1e-6;
    private static final double LOG_RHO_MIN = Math.log(1e-3);
    private static final double LOG_RHO_MAX = Math.log(1e4);
    private static final int MAX_ITERATIONS = 60;
    /** As loose as Optuna's (gtol 1e-2): the acquisition barely changes beyond it. */
    private static final double GRADIENT_TOLERANCE = 1e-2;
    /**
     * Iterations that improve the log posterior by less than this fraction end the fit: the
     * last digits of a hyperparameter do not change where expected improvement is highest,
     * and each evaluation costs a Cholesky decomposition and an inverse.
     */
    private static final double RELATIVE_DECREASE = 1e-6;
    /** A random restart guards against a poor local optimum while data are few. */
    private static final int RESTART_BELOW = 40;

    private HyperparameterFit() {}

    static KernelHyperparameters fit(double[][] x, double[] y, boolean[] categorical, RandomGenerator rng) {
        int d = categorical.length;
        MarginalLikelihood objective = new MarginalLikelihood(x, y, categorical);
        double[] lower = new double[d + 2];
        double[] upper = new double[d + 2];
        Arrays.fill(lower, 0, d, LOG_RHO_MIN);
        Arrays.fill(upper, 0, d, LOG_RHO_MAX);
        lower[d] = Math.log(1e-2);
        upper[d] = Math.log(1e2);
        lower[d + 1] = Math.log(MIN_NOISE);
        upper[d + 1] = 0;

        double[] start = new double[d + 2];
        start[d + 1] = Math.log(1e-2);
        BoxLbfgs.Result best = BoxLbfgs.minimize(
                objective, start, lower, upper, MAX_ITERATIONS, GRADIENT_TOLERANCE, RELATIVE_DECREASE);
        if (x.length >= RESTART_BELOW && Double.isFinite(best.value())) {
            // with this much data the posterior over hyperparameters has one clear mode
            return KernelHyperparameters.fromLog(best.x());
        }
        double[] restart = new double[d + 2];
        for (int k = 0; k < d; k++) {
            restart[k] = rng.nextDouble(Math.log(0.1), Math.log(30));
        }
        restart[d + 1] = Math.log(1e-3);
        BoxLbfgs.Result other = BoxLbfgs.minimize(
                objective, restart, lower, upper, MAX_ITERATIONS, GRADIENT_TOLERANCE, RELATIVE_DECREASE);
        if (other.value() < best.value() || !Double.isFinite(best.value())) {
            best = other;
        }
        if (!Double.isFinite(best.value())) {
            return KernelHyperparameters.fromLog(start);
        }
        return KernelHyperparameters.fromLog(best.x());
    }
}
