package dev.anneal.tuner.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HypervolumeTest {

    @Test
    void twoDimensionsByHand() {
        double[][] points = {{1, 3}, {2, 2}, {3, 1}, {2.5, 2.5}, {5, 0}};
        // reference (4, 4): boxes 3x1 + 2x1 + 1x1 above each other; (5, 0) lies outside
        assertThat(Hypervolume.of(points, new double[] {4, 4})).isEqualTo(6.0);
        assertThat(Hypervolume.of(new double[0][], new double[] {4, 4})).isZero();
    }

    @Test
    void threeAndFourDimensionsAgreeWithCountingLatticeCells() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int m = 3; m <= 4; m++) {
            for (int round = 0; round < 20; round++) {
                double[][] points = ParetoRankingTest.random(rng, 12, m, 6);
                double[] reference = new double[m];
                java.util.Arrays.fill(reference, 5);
                assertThat(Hypervolume.of(points, reference)).isCloseTo(cells(points, m), within(1e-9));
            }
        }
    }

    @Test
    void continuousFrontMatchesItsIntegral() {
        // points on f2 = 1 - f1 from a fine grid: the dominated area under (1, 1) tends to 1/2
        int n = 2001;
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) {
            double f1 = i / (n - 1.0);
            points[i] = new double[] {f1, 1 - f1};
        }
        assertThat(Hypervolume.of(points, new double[] {1, 1})).isCloseTo(0.5, within(1e-3));
    }

    /** Unit cells of [0, 5)^m dominated by some point: exact for integer points. */
    private static double cells(double[][] points, int m) {
        int count = 0;
        int total = (int) Math.pow(5, m);
        for (int c = 0; c < total; c++) {
            int[] cell = new int[m];
            int rest = c;
            for (int k = 0; k < m; k++) {
                cell[k] = rest % 5;
                rest /= 5;
            }
            for (double[] p : points) {
                boolean covers = true;
                for (int k = 0; k < m; k++) {
                    covers &= p[k] <= cell[k];
                }
                if (covers) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }
}
