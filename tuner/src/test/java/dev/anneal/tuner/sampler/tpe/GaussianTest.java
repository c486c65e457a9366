package dev.anneal.tuner.sampler.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GaussianTest {

    @Test
    void cdfMatchesKnownValuesToTheFitsRelativeAccuracy() {
        // reference values of the standard normal CDF
        double[][] known = {
            {0, 0.5},
            {1, 0.8413447460685429},
            {-1, 0.15865525393145707},
            {-3, 0.0013498980316300946},
            {-5, 2.866515718791939e-7},
            {-10, 7.619853024160527e-24},
            {2.5, 0.9937903346742238}
        };
        for (double[] k : known) {
            assertThat(Gaussian.cdf(k[0])).as("Φ(%s)", k[0]).isCloseTo(k[1], within(2e-7 * k[1]));
        }
    }

    @Test
    void logMassOfAnIntervalIsFiniteFarInTheTails() {
        assertThat(Math.exp(Gaussian.logMass(-1, 1))).isCloseTo(0.6826894921370859, within(1e-7));
        assertThat(Math.exp(Gaussian.logMass(0, Double.POSITIVE_INFINITY))).isCloseTo(0.5, within(1e-7));
        // P(40 < Z < 41) underflows as a difference of CDFs but not in log form
        double far = Gaussian.logMass(40, 41);
        assertThat(far).isFinite().isLessThan(Gaussian.logMass(39, 40));
        assertThat(far).isCloseTo(Gaussian.logDensity(40) - Math.log(40), within(0.01));
        assertThat(Gaussian.logMass(-41, -40)).isCloseTo(far, within(1e-9));
    }

    @Test
    void logMassOfANarrowCellIsDensityTimesWidth() {
        double width = 1e-9;
        assertThat(Gaussian.logMass(0.3, 0.3 + width))
                .isCloseTo(Gaussian.logDensity(0.3) + Math.log(width), within(1e-5));
        assertThat(Gaussian.logMass(45, 45 + width)).isCloseTo(Gaussian.logDensity(45) + Math.log(width), within(1e-3));
    }

    @Test
    void truncatedDrawsStayInsideWithTheRightMean() {
        SplittableRandom rng = new SplittableRandom(1);
        double sum = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            double x = Gaussian.truncated(rng, 0.0, 1.0, 0.0, 1.0);
            assertThat(x).isBetween(0.0, 1.0);
            sum += x;
        }
        // mean of N(0, 1) truncated to [0, 1]: (φ(0) - φ(1)) / (Φ(1) - Φ(0))
        double expected = (Math.exp(Gaussian.logDensity(0)) - Math.exp(Gaussian.logDensity(1))) / 0.3413447460685429;
        assertThat(sum / n).isCloseTo(expected, within(0.003));
    }
}
