package dev.anneal.tuner.sampler.tpe;

import java.util.random.RandomGenerator;

/**
 * The standard normal distribution as the Parzen kernels need it: log densities, log masses of
 * intervals (also far in the tails, where a plain difference of two CDF values is 0) and draws
 * truncated to an interval.
 */
final class Gaussian {

    static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private static final double SQRT_HALF = Math.sqrt(0.5);
    private static final double LOG_HALF = Math.log(0.5);

    /** Coefficients of P(t), constant term first (Numerical Recipes, erfcc). */
    private static final double[] ERFC_FIT = {
        -1.26551223,
        1.00002368,
        0.37409196,
        0.09678418,
        -0.18628806,
        0.27886807,
        -1.13520398,
        1.48851587,
        -0.82215223,
        0.17087277
    };

    /** Draws before a truncated draw gives up; each succeeds with probability above 1/3 here. */
    private static final int MAX_REJECTIONS = 1000;

    private Gaussian() {}

    /** log of the standard normal density at {@code z}. */
    static double logDensity(double z) {
        return -0.5 * z * z - LOG_SQRT_2PI;
    }

    /** P(Z > z), computed without cancellation for large z. */
    static double survival(double z) {
        return z >= 0 ? survivalNonNegative(z) : 1 - survivalNonNegative(-z);
    }

    /** P(Z <= z). */
    static double cdf(double z) {
        return survival(-z);
    }

    /**
     * log P(a < Z < b) for {@code a < b}. Both ends on one side of 0 are reflected to the upper
     * side and the mass taken as a ratio of log survival values, so cells many standard deviations
     * away from a kernel keep a finite, ordered log mass instead of collapsing to log 0.
     */
    static double logMass(double a, double b) {
        if (b <= 0) {
            return logMass(-b, -a);
        }
        if (a >= 0) {
            double la = logSurvivalNonNegative(a);
            double lb = logSurvivalNonNegative(b);
            double log = la + Math.log1p(-Math.exp(lb - la));
            if (log > Double.NEGATIVE_INFINITY) {
                return log;
            }
            // a cell so narrow that both ends round to one survival value: midpoint rule
            return logDensity(0.5 * (a + b)) + Math.log(b - a);
        }
        return Math.log1p(-(survival(b) + survival(-a)));
    }

    /**
     * A draw from N(mu, sigma²) restricted to [low, high], by rejection. Callers guarantee that
     * the interval holds a fair share of the mass (mu inside it and sigma at most its width give
     * at least P(0 < Z < 1) = 0.34), so a handful of draws suffice.
     */
    static double truncated(RandomGenerator rng, double mu, double sigma, double low, double high) {
        for (int i = 0; i < MAX_REJECTIONS; i++) {
            double x = mu + sigma * rng.nextGaussian();
            if (x >= low && x <= high) {
                return x;
            }
        }
        return Math.max(low, Math.min(high, mu));
    }

    /** P(Z > z) for z >= 0: {@link #logSurvivalNonNegative} without the logarithm. */
    private static double survivalNonNegative(double z) {
        double x = z * SQRT_HALF;
        double t = 1 / (1 + 0.5 * x);
        return 0.5 * t * Math.exp(erfcFit(t) - x * x);
    }

    /**
     * log P(Z > z) for z >= 0, via erfc(x) = t·exp(-x² + P(t)) with t = 1/(1 + x/2): the Chebyshev
     * fit of Numerical Recipes (relative error below 1.2e-7 for every x), used in log form so that
     * it never underflows.
     */
    private static double logSurvivalNonNegative(double z) {
        double x = z * SQRT_HALF;
        double t = 1 / (1 + 0.5 * x);
        return LOG_HALF + Math.log(t) - x * x + erfcFit(t);
    }

    private static double erfcFit(double t) {
        double p = 0;
        for (int i = ERFC_FIT.length - 1; i >= 0; i--) {
            p = p * t + ERFC_FIT[i];
        }
        return p;
    }
}
