package dev.anneal.worker.train.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Fréchet distance against closed forms. */
class FrechetDistanceTest {

    @Test
    void eigenvaluesOfAKnownSymmetricMatrix() {
        double[][] a = {{2, 1, 0}, {1, 2, 0}, {0, 0, 5}};

        double[] values = FrechetDistance.eigen(a, null);

        Arrays.sort(values);
        assertThat(values[0]).isCloseTo(1, within(1e-12));
        assertThat(values[1]).isCloseTo(3, within(1e-12));
        assertThat(values[2]).isCloseTo(5, within(1e-12));
    }

    @Test
    void symmetricRootSquaresBack() {
        double[][] a = {{4, 2}, {2, 3}};

        double[][] r = FrechetDistance.symmetricRoot(a);

        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                assertThat(r[i][0] * r[0][j] + r[i][1] * r[1][j]).isCloseTo(a[i][j], within(1e-12));
            }
        }
    }

    /**
     * For Gaussians with diagonal covariances d² = ‖μ₁ - μ₂‖² + Σ (σ₁ - σ₂)²; samples of N(0, 1)
     * and N(3, 4) in 4 dimensions give about 4 · 9 + 4 · 1 = 40.
     */
    @Test
    void matchesTheClosedFormForShiftedAndScaledGaussians() {
        float[][] a = gaussian(20_000, 0, 1, 1);
        float[][] b = gaussian(20_000, 3, 2, 2);
        float[][] c = gaussian(20_000, 0, 1, 3);

        FrechetDistance fromA = new FrechetDistance(a);

        assertThat(fromA.to(b)).isCloseTo(40, within(1.0));
        assertThat(fromA.to(c)).isLessThan(0.01);
        assertThat(fromA.to(a)).isCloseTo(0, within(1e-9));
    }

    private static float[][] gaussian(int n, double mean, double sd, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] rows = new float[n][4];
        for (float[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                // Box-Muller
                double g =
                        Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
                row[i] = (float) (mean + sd * g);
            }
        }
        return rows;
    }
}
