package dev.anneal.tuner.sampler.gp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Log expected hypervolume improvement for two minimized objectives with independent GP
 * posteriors, exact (Emmerich et al. 2006, in the closed form of Yang et al. 2019 for two
 * objectives), computed in log space as Optuna's logEHVI is.
 *
 * <p>The region a new point can add is cut into vertical strips at the front's first objectives:
 * strip i spans [l_i, u_i) in the first objective and (−∞, b_i) in the second, b_i being the
 * second objective of the front point at l_i (the reference's for the leftmost strip). A
 * point's improvement in a strip is the product of how far below each bound it lands, so with
 * independent Gaussians the expectation factorizes: EHVI = Σ_i (ψ₁(u_i) − ψ₁(l_i)) ψ₂(b_i), where
 * ψ(a) = E[(a − Y)⁺] = σ h((a − μ)/σ) is exactly expected improvement below a — whose log {@link
 * LogExpectedImprovement} computes stably in the tails.
 */
final class LogEhvi2Acquisition implements Acquisition {

    private final GaussianProcess first;
    private final GaussianProcess second;
    private final double[] lower;
    private final double[] upper;
    private final double[] bound;
    private final double[] g1Mean;
    private final double[] g1Variance;
    private final double[] g2Mean;
    private final double[] g2Variance;

    /**
     * @param front points in the GPs' output space (any set: dominated points and points beyond
     *     the reference are dropped)
     * @param reference the reference point, worse than the front in both objectives
     */
    LogEhvi2Acquisition(
            GaussianProcess first, GaussianProcess second, List<double[]> front, double[] reference, int dimensions) {
        this.first = first;
        this.second = second;
        List<double[]> strips = strips(front, reference);
        this.lower = strips.stream().mapToDouble(s -> s[0]).toArray();
        this.upper = strips.stream().mapToDouble(s -> s[1]).toArray();
        this.bound = strips.stream().mapToDouble(s -> s[2]).toArray();
        this.g1Mean = new double[dimensions];
        this.g1Variance = new double[dimensions];
        this.g2Mean = new double[dimensions];
        this.g2Variance = new double[dimensions];
    }

    /** {lower, upper, bound} of each strip, the leftmost with lower −∞. */
    static List<double[]> strips(List<double[]> points, double[] reference) {
        double[][] sorted = points.stream()
                .filter(p -> p[0] < reference[0] && p[1] < reference[1])
                .sorted(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]))
                .toArray(double[][]::new);
        List<double[]> front = new ArrayList<>();
        for (double[] p : sorted) {
            if (front.isEmpty() || p[1] < front.get(front.size() - 1)[1]) {
                front.add(p);
            }
        }
        List<double[]> strips = new ArrayList<>();
        double left = Double.NEGATIVE_INFINITY;
        double ceiling = reference[1];
        for (double[] p : front) {
            if (p[0] > left) {
                strips.add(new double[] {left, p[0], ceiling});
            }
            left = p[0];
            ceiling = p[1];
        }
        strips.add(new double[] {left, reference[0], ceiling});
        return strips;
    }

    @Override
    public double value(double[] x) {
        double[] p1 = first.predict(x);
        double[] p2 = second.predict(x);
        return evaluate(p1[0], p1[1], p2[0], p2[1], null);
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        double[] p1 = first.predict(x, g1Mean, g1Variance);
        double[] p2 = second.predict(x, g2Mean, g2Variance);
        double[] d = new double[4];
        double value = evaluate(p1[0], p1[1], p2[0], p2[1], d);
        for (int j = 0; j < gradient.length; j++) {
            gradient[j] = d[0] * g1Mean[j] + d[1] * g1Variance[j] + d[2] * g2Mean[j] + d[3] * g2Variance[j];
        }
        return value;
    }

    /**
     * log EHVI at the given predictive means and variances; with {@code derivatives} non-null,
     * also its derivatives by (mean₁, variance₁, mean₂, variance₂).
     */
    double evaluate(double mean1, double variance1, double mean2, double variance2, double[] derivatives) {
        int n = lower.length;
        double[] term = new double[n];
        double[][] dTerm = new double[n][];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double[] up = LogExpectedImprovement.evaluate(mean1, variance1, upper[i]);
            double logWidth;
            double dMean1;
            double dVariance1;
            if (lower[i] == Double.NEGATIVE_INFINITY) {
                logWidth = up[0];
                dMean1 = up[1];
                dVariance1 = up[2];
            } else {
                double[] low = LogExpectedImprovement.evaluate(mean1, variance1, lower[i]);
                // log(ψ(u) − ψ(l)) = log ψ(u) + log(1 − ψ(l)/ψ(u)), ψ(l) < ψ(u) since l < u
                double ratio = Math.exp(low[0] - up[0]);
                double rest = -Math.expm1(low[0] - up[0]);
                if (!(rest > 0)) {
                    term[i] = Double.NEGATIVE_INFINITY;
                    dTerm[i] = new double[4];
                    continue;
                }
                logWidth = up[0] + Math.log(rest);
                dMean1 = (up[1] - ratio * low[1]) / rest;
                dVariance1 = (up[2] - ratio * low[2]) / rest;
            }
            double[] height = LogExpectedImprovement.evaluate(mean2, variance2, bound[i]);
            term[i] = logWidth + height[0];
            dTerm[i] = new double[] {dMean1, dVariance1, height[1], height[2]};
            max = Math.max(max, term[i]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            if (derivatives != null) {
                Arrays.fill(derivatives, 0);
            }
            return -1e300;
        }
        double sum = 0;
        for (double t : term) {
            sum += Math.exp(t - max);
        }
        if (derivatives != null) {
            Arrays.fill(derivatives, 0);
            for (int i = 0; i < n; i++) {
                double w = Math.exp(term[i] - max) / sum;
                for (int k = 0; k < 4; k++) {
                    derivatives[k] += w * dTerm[i][k];
                }
            }
        }
        return max + Math.log(sum);
    }
}
