package dev.anneal.tuner.sampler.gp;

import java.util.List;

/**
 * An acquisition times the probability that every constraint holds, in logs: Σ_j log P(c_j(x) ≤
 * t_j) under independent GP posteriors of the constraint values (Gardner et al. 2014; Optuna's
 * constrained logEI and logEHVI do the same). Without an objective acquisition (no feasible
 * trial yet) it maximizes the probability of feasibility alone, to find the feasible region first.
 */
final class LogFeasibility implements Acquisition {

    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

    private final Acquisition objective;
    private final List<GaussianProcess> constraints;
    private final double[] thresholds;
    private final double[] meanGradient;
    private final double[] varianceGradient;
    private final double[] inner;

    /** @param objective null to maximize feasibility alone */
    LogFeasibility(Acquisition objective, List<GaussianProcess> constraints, double[] thresholds, int dimensions) {
        this.objective = objective;
        this.constraints = constraints;
        this.thresholds = thresholds;
        this.meanGradient = new double[dimensions];
        this.varianceGradient = new double[dimensions];
        this.inner = new double[dimensions];
    }

    @Override
    public double value(double[] x) {
        double value = objective == null ? 0 : objective.value(x);
        for (int j = 0; j < constraints.size(); j++) {
            double[] p = constraints.get(j).predict(x);
            value += logCdf((thresholds[j] - p[0]) / Math.sqrt(p[1]))[0];
        }
        return value;
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        double value = 0;
        java.util.Arrays.fill(gradient, 0);
        if (objective != null) {
            value = objective.valueAndGradient(x, inner);
            System.arraycopy(inner, 0, gradient, 0, gradient.length);
        }
        for (int j = 0; j < constraints.size(); j++) {
            double[] p = constraints.get(j).predict(x, meanGradient, varianceGradient);
            double sigma = Math.sqrt(p[1]);
            double z = (thresholds[j] - p[0]) / sigma;
            double[] l = logCdf(z);
            value += l[0];
            // dz/dmean = −1/σ, dz/dvariance = −z / (2 variance)
            double dMean = -l[1] / sigma;
            double dVariance = -l[1] * z / (2 * p[1]);
            for (int k = 0; k < gradient.length; k++) {
                gradient[k] += dMean * meanGradient[k] + dVariance * varianceGradient[k];
            }
        }
        return value;
    }

    /** {log Φ(z), d log Φ / dz}, stable far into the lower tail (Φ(z) = φ(z) R(−z), R Mills' ratio). */
    static double[] logCdf(double z) {
        if (z > -5) {
            double cdf = 0.5 * org.apache.commons.math3.special.Erf.erfc(-z / Math.sqrt(2));
            double pdf = Math.exp(-0.5 * z * z - LOG_SQRT_2PI);
            return new double[] {Math.log(cdf), pdf / cdf};
        }
        double mills = LogExpectedImprovement.millsRatio(-z);
        return new double[] {-0.5 * z * z - LOG_SQRT_2PI + Math.log(mills), 1 / mills};
    }
}
