package dev.anneal.tuner.sampler.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Analytic gradients against central finite differences: the optimizers trust them. */
class GradientTest {

    static final boolean[] MIXED = {false, false, true, false};

    static double[][] points(int n, SplittableRandom rng) {
        double[][] x = new double[n][MIXED.length];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < MIXED.length; j++) {
                x[i][j] = MIXED[j] ? rng.nextInt(3) : rng.nextDouble();
            }
        }
        return x;
    }

    static double[] values(double[][] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = Math.sin(6 * x[i][0]) + x[i][1] * x[i][1] + 0.3 * x[i][2] - x[i][3];
        }
        return y;
    }

    @Test
    void marginalLikelihoodGradient() {
        var rng = new SplittableRandom(1);
        double[][] x = points(25, rng);
        var objective = new MarginalLikelihood(x, values(x), MIXED);
        double[] theta = {0.3, -0.5, 1.2, 2.0, 0.1, Math.log(1e-3)};
        double[] gradient = new double[theta.length];
        objective.evaluate(theta, gradient);
        for (int k = 0; k < theta.length; k++) {
            double h = 1e-6;
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[k] += h;
            minus[k] -= h;
            double numeric = (objective.evaluate(plus, new double[theta.length])
                            - objective.evaluate(minus, new double[theta.length]))
                    / (2 * h);
            assertThat(gradient[k]).as("d/dtheta_%d", k).isCloseTo(numeric, within(1e-4 * (1 + Math.abs(numeric))));
        }
    }

    @Test
    void posteriorMeanAndVarianceGradients() {
        var rng = new SplittableRandom(2);
        double[][] x = points(30, rng);
        var h = new KernelHyperparameters(new double[] {4, 9, 1, 2.5}, 1.3, 1e-4);
        GaussianProcess gp = GaussianProcess.condition(x, values(x), MIXED, h);
        double[] z = {0.41, 0.77, 1, 0.13};
        double[] dMean = new double[4];
        double[] dVar = new double[4];
        gp.predict(z, dMean, dVar);
        for (int j = 0; j < 4; j++) {
            if (MIXED[j]) {
                continue;
            }
            double e = 1e-6;
            double[] plus = z.clone();
            double[] minus = z.clone();
            plus[j] += e;
            minus[j] -= e;
            double[] p = gp.predict(plus);
            double[] m = gp.predict(minus);
            assertThat(dMean[j]).isCloseTo((p[0] - m[0]) / (2 * e), within(1e-5));
            assertThat(dVar[j]).isCloseTo((p[1] - m[1]) / (2 * e), within(1e-5));
        }
    }

    @Test
    void logExpectedImprovementDerivatives() {
        for (double[] c : new double[][] {{0.2, 0.5, 0.0}, {1.0, 0.01, -0.3}, {3.0, 0.04, -0.5}, {50, 0.3, 0.0}}) {
            double mean = c[0];
            double var = c[1];
            double best = c[2];
            double[] v = LogExpectedImprovement.evaluate(mean, var, best);
            double e = 1e-7;
            double dMean = (LogExpectedImprovement.evaluate(mean + e, var, best)[0]
                            - LogExpectedImprovement.evaluate(mean - e, var, best)[0])
                    / (2 * e);
            double dVar = (LogExpectedImprovement.evaluate(mean, var + e, best)[0]
                            - LogExpectedImprovement.evaluate(mean, var - e, best)[0])
                    / (2 * e);
            assertThat(v[1])
                    .as("dMean at %s", java.util.Arrays.toString(c))
                    .isCloseTo(dMean, within(1e-4 * (1 + Math.abs(dMean))));
            assertThat(v[2])
                    .as("dVar at %s", java.util.Arrays.toString(c))
                    .isCloseTo(dVar, within(1e-4 * (1 + Math.abs(dVar))));
        }
    }

    @Test
    void logExpectedImprovementIsContinuousAcrossItsBranchesAndFiniteFarOut() {
        // z = (best - mean) / sigma crosses -5 (direct vs continued fraction) here
        double below = LogExpectedImprovement.evaluate(5.0 + 1e-9, 1, 0)[0];
        double above = LogExpectedImprovement.evaluate(5.0 - 1e-9, 1, 0)[0];
        assertThat(below).isCloseTo(above, within(1e-6));
        double far = LogExpectedImprovement.evaluate(1e4, 1, 0)[0];
        assertThat(far).isFinite().isLessThan(-1e7);
        // EI itself where it does not underflow
        double z = -1.5;
        double ei = Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI)
                + z * 0.5 * org.apache.commons.math3.special.Erf.erfc(-z / Math.sqrt(2));
        assertThat(LogExpectedImprovement.evaluate(1.5, 1, 0)[0]).isCloseTo(Math.log(ei), within(1e-12));
    }
}
