package dev.anneal.tuner.sampler.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.anneal.tuner.pareto.Hypervolume;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogEhvi2AcquisitionTest {

    private static final List<double[]> FRONT =
            List.of(new double[] {0.2, 1.5}, new double[] {0.8, 0.9}, new double[] {1.5, 0.3}, new double[] {1.0, 1.2});
    private static final double[] REFERENCE = {2, 2};

    @Test
    void equalsTheMonteCarloExpectationOfHypervolumeImprovement() {
        double[][] cases = {{1.0, 0.09, 0.8, 0.16}, {0.1, 0.01, 0.2, 0.04}, {2.5, 1.0, 2.5, 1.0}, {1.2, 0.5, 0.1, 0.2}};
        LogEhvi2Acquisition ehvi = acquisition();
        double before = Hypervolume.of(FRONT.toArray(double[][]::new), REFERENCE);
        SplittableRandom rng = new SplittableRandom(5);
        for (double[] c : cases) {
            int samples = 200_000;
            double sum = 0;
            double squares = 0;
            for (int s = 0; s < samples; s++) {
                double y1 = c[0] + Math.sqrt(c[1]) * rng.nextGaussian();
                double y2 = c[2] + Math.sqrt(c[3]) * rng.nextGaussian();
                List<double[]> with = new ArrayList<>(FRONT);
                with.add(new double[] {y1, y2});
                double improvement = Hypervolume.of(with.toArray(double[][]::new), REFERENCE) - before;
                sum += improvement;
                squares += improvement * improvement;
            }
            double expected = sum / samples;
            double standardError = Math.sqrt((squares / samples - expected * expected) / samples);
            double exact = Math.exp(ehvi.evaluate(c[0], c[1], c[2], c[3], null));
            // within 4 standard errors of the Monte Carlo estimate: a formula error would be far off
            assertThat(exact).isCloseTo(expected, within(4 * standardError));
            assertThat(standardError).isLessThan(0.05 * expected);
        }
    }

    @Test
    void derivativesMatchFiniteDifferencesIncludingFarInTheTail() {
        LogEhvi2Acquisition ehvi = acquisition();
        double[][] cases = {{1.0, 0.09, 0.8, 0.16}, {6.0, 0.01, 7.0, 0.02}, {0.1, 0.3, 1.7, 0.05}};
        for (double[] c : cases) {
            double[] d = new double[4];
            ehvi.evaluate(c[0], c[1], c[2], c[3], d);
            for (int k = 0; k < 4; k++) {
                double h = 1e-6 * Math.max(1, Math.abs(c[k]));
                double[] up = c.clone();
                double[] down = c.clone();
                up[k] += h;
                down[k] -= h;
                double numeric = (ehvi.evaluate(up[0], up[1], up[2], up[3], null)
                                - ehvi.evaluate(down[0], down[1], down[2], down[3], null))
                        / (2 * h);
                assertThat(d[k])
                        .as("case %s, derivative %d", java.util.Arrays.toString(c), k)
                        .isCloseTo(numeric, within(1e-4 * Math.max(1, Math.abs(numeric))));
            }
            // far beyond the reference the plain EHVI underflows, its log still orders points
            assertThat(ehvi.evaluate(c[0], c[1], c[2], c[3], null)).isFinite();
        }
        assertThat(ehvi.evaluate(8, 0.01, 8, 0.01, null)).isLessThan(ehvi.evaluate(6, 0.01, 7, 0.02, null));
    }

    @Test
    void stripsCoverTheRegionTheFrontLeavesOpen() {
        // the dominated point (1.0, 1.2) adds no strip
        List<double[]> strips = LogEhvi2Acquisition.strips(FRONT, REFERENCE);
        assertThat(strips).hasSize(4);
        assertThat(strips.get(0)).containsExactly(Double.NEGATIVE_INFINITY, 0.2, 2.0);
        assertThat(strips.get(3)).containsExactly(1.5, 2.0, 0.3);
    }

    @Test
    void logCdfIsStableAndDifferentiableInTheTail() {
        for (double z : new double[] {-40, -8, -5.0001, -4.9999, -1, 0, 3}) {
            double[] l = LogFeasibility.logCdf(z);
            double h = 1e-5;
            double numeric = (LogFeasibility.logCdf(z + h)[0] - LogFeasibility.logCdf(z - h)[0]) / (2 * h);
            assertThat(l[0]).isFinite();
            assertThat(l[1]).isCloseTo(numeric, within(1e-4 * Math.max(1, Math.abs(numeric))));
        }
        assertThat(LogFeasibility.logCdf(0)[0]).isCloseTo(Math.log(0.5), within(1e-12));
        assertThat(LogFeasibility.logCdf(-5.0001)[0])
                .isCloseTo(LogFeasibility.logCdf(-4.9999)[0] - 0.0002 * LogFeasibility.logCdf(-5)[1], within(1e-6));
    }

    private static LogEhvi2Acquisition acquisition() {
        return new LogEhvi2Acquisition(null, null, FRONT, REFERENCE, 1);
    }
}
