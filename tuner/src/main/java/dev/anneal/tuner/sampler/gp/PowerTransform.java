package dev.anneal.tuner.sampler.gp;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * The Yeo-Johnson power transform of observed values, its exponent chosen by maximum likelihood
 * so that the transformed values look Gaussian (as scikit-learn's PowerTransformer does, and as
 * HEBO does for Bayesian optimization). Objectives are often heavily skewed (losses spanning
 * orders of magnitude, a narrow valley in a wide plateau); a GP on the raw values then spends its
 * resolution on the bad region. The transform is monotone, so the best observation stays best.
 */
final class PowerTransform {

    private static final double LAMBDA_MIN = -3;
    private static final double LAMBDA_MAX = 3;

    private PowerTransform() {}

    /** Standardized, transformed, standardized again. */
    static double[] apply(double[] standardized) {
        return transformed(standardized, fittedLambda(standardized));
    }

    /**
     * As {@link #apply}, but only when the warp is significant: when the fitted exponent's
     * likelihood beats the identity's (λ = 1) by more than a likelihood-ratio test at 5% allows
     * (χ²₁ / 2 = 1.92). Several objectives share one hypervolume, so an objective already about
     * Gaussian is left as measured rather than bent to chase noise.
     */
    static double[] applyIfSignificant(double[] standardized) {
        double lambda = fittedLambda(standardized);
        if (logLikelihood(standardized, lambda) - logLikelihood(standardized, 1) <= 1.92) {
            return standardized;
        }
        return transformed(standardized, lambda);
    }

    private static double fittedLambda(double[] standardized) {
        return new BrentOptimizer(1e-8, 1e-6)
                .optimize(
                        new MaxEval(200),
                        new UnivariateObjectiveFunction(l -> logLikelihood(standardized, l)),
                        GoalType.MAXIMIZE,
                        new SearchInterval(LAMBDA_MIN, LAMBDA_MAX, 1))
                .getPoint();
    }

    private static double[] transformed(double[] standardized, double lambda) {
        double[] out = new double[standardized.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = transform(standardized[i], lambda);
        }
        return standardize(out);
    }

    static double transform(double y, double lambda) {
        if (y >= 0) {
            return Math.abs(lambda) < 1e-10 ? Math.log1p(y) : (Math.pow(y + 1, lambda) - 1) / lambda;
        }
        return Math.abs(lambda - 2) < 1e-10 ? -Math.log1p(-y) : -(Math.pow(1 - y, 2 - lambda) - 1) / (2 - lambda);
    }

    private static double logLikelihood(double[] y, double lambda) {
        int n = y.length;
        double[] t = new double[n];
        double mean = 0;
        double jacobian = 0;
        for (int i = 0; i < n; i++) {
            t[i] = transform(y[i], lambda);
            mean += t[i];
            jacobian += Math.signum(y[i]) * Math.log1p(Math.abs(y[i]));
        }
        mean /= n;
        double variance = 0;
        for (double v : t) {
            variance += (v - mean) * (v - mean);
        }
        variance /= n;
        if (!(variance > 0) || !Double.isFinite(variance)) {
            return Double.NEGATIVE_INFINITY;
        }
        return -0.5 * n * Math.log(variance) + (lambda - 1) * jacobian;
    }

    static double[] standardize(double[] y) {
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= y.length;
        double variance = 0;
        for (double v : y) {
            variance += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(variance / y.length);
        if (!(std > 1e-12)) {
            std = 1;
        }
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = (y[i] - mean) / std;
        }
        return out;
    }
}
