package dev.anneal.tuner.sampler.gp;

import org.apache.commons.math3.special.Erf;

/**
 * Log expected improvement below {@code best} (minimization), computed stably far into the tail
 * where plain EI underflows to 0 and stops guiding the optimizer (Ament et al., "Unexpected
 * Improvements to Expected Improvement", 2023).
 *
 * <p>EI = sigma h(z) with z = (best - mean) / sigma and h(z) = phi(z) + z Phi(z). For z far below
 * zero, h(z) = phi(z) q(t) with t = -z and q(t) = 1 - t R(t), R being Mills' ratio, evaluated by
 * its continued fraction (and by its asymptotic series where even that would cancel).
 */
final class LogExpectedImprovement {

    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double DIRECT_ABOVE = -5;
    private static final int FRACTION_TERMS = 80;

    private LogExpectedImprovement() {}

    /** log EI and its derivatives by the mean and the variance: {value, dValue/dMean, dValue/dVariance}. */
    static double[] evaluate(double mean, double variance, double best) {
        double sigma = Math.sqrt(variance);
        double z = (best - mean) / sigma;
        double logH;
        double phiOverH; // Phi(z) / h(z) = h'(z) / h(z)
        if (z > DIRECT_ABOVE) {
            double cdf = 0.5 * Erf.erfc(-z / Math.sqrt(2));
            double pdf = Math.exp(-0.5 * z * z - LOG_SQRT_2PI);
            double h = pdf + z * cdf;
            logH = Math.log(h);
            phiOverH = cdf / h;
        } else {
            double t = -z;
            double q;
            double mills;
            if (t > 1e3) {
                double t2 = t * t;
                q = (1 - 3 / t2 + 15 / (t2 * t2)) / t2;
                mills = (1 - 1 / t2 + 3 / (t2 * t2)) / t;
            } else {
                mills = millsRatio(t);
                q = 1 - t * mills;
            }
            logH = -0.5 * z * z - LOG_SQRT_2PI + Math.log(q);
            phiOverH = mills / q;
        }
        double value = Math.log(sigma) + logH;
        double dMean = -phiOverH / sigma;
        double dSigma = 1 / sigma - phiOverH * z / sigma;
        return new double[] {value, dMean, dSigma / (2 * sigma)};
    }

    /** Mills' ratio (1 - Phi(t)) / phi(t) for t > 0, by Laplace's continued fraction. */
    static double millsRatio(double t) {
        double d = t;
        for (int k = FRACTION_TERMS; k >= 1; k--) {
            d = t + k / d;
        }
        return 1 / d;
    }
}
