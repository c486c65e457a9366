package dev.anneal.tuner.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HypervolumeSubsetSelectionTest {

    @Test
    void picksTheSubsetOfLargestHypervolumeByHand() {
        // a front under reference (10, 10): (5, 1) dominates the largest box alone (45), and
        // beside it (1, 6) adds the most (16), giving the best pair of all (61, enumerated)
        double[][] front = {{0, 9}, {1, 6}, {2, 5}, {5, 1}, {7, 0}, {3, 4}};
        double[] reference = {10, 10};
        int[] chosen = HypervolumeSubsetSelection.select(front, 2, reference);
        assertThat(chosen).hasSize(2).doesNotHaveDuplicates();
        assertThat(volume(front, chosen, reference)).isEqualTo(bestVolume(front, 2, reference));
        assertThat(chosen).containsExactly(3, 1);
    }

    @Test
    void greedyMatchesTheBestSubsetOnSmallRandomFronts() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int m = 2; m <= 3; m++) {
            for (int round = 0; round < 30; round++) {
                double[][] points = front(rng, 7, m);
                double[] reference = new double[m];
                Arrays.fill(reference, 1.1);
                for (int k = 1; k <= 3; k++) {
                    double greedy = volume(points, HypervolumeSubsetSelection.select(points, k, reference), reference);
                    double best = bestVolume(points, k, reference);
                    // submodularity guarantees 1 - 1/e; on fronts this small greedy is all but exact
                    assertThat(greedy).isGreaterThanOrEqualTo((1 - 1 / Math.E) * best);
                    assertThat(greedy).isCloseTo(best, within(0.1 * best));
                }
            }
        }
    }

    @Test
    void duplicatesComeAfterEveryPointThatAddsVolume() {
        double[][] points = {{1, 2}, {1, 2}, {2, 1}, {1, 2}};
        int[] chosen = HypervolumeSubsetSelection.select(points, 3, new double[] {3, 3});
        assertThat(Arrays.copyOf(chosen, 2)).containsExactlyInAnyOrder(0, 2);
        assertThat(chosen[2]).isEqualTo(1);
        assertThat(HypervolumeSubsetSelection.select(points, 0, new double[] {3, 3}))
                .isEmpty();
    }

    /** Points with coordinates summing to 1 in squares: mutually non-dominated. */
    private static double[][] front(SplittableRandom rng, int n, int m) {
        double[][] points = new double[n][m];
        for (double[] p : points) {
            double sum = 0;
            for (int j = 0; j < m; j++) {
                p[j] = rng.nextDouble();
                sum += p[j] * p[j];
            }
            for (int j = 0; j < m; j++) {
                p[j] /= Math.sqrt(sum);
            }
        }
        return points;
    }

    private static double volume(double[][] points, int[] subset, double[] reference) {
        return Hypervolume.of(Arrays.stream(subset).mapToObj(i -> points[i]).toArray(double[][]::new), reference);
    }

    /** The largest hypervolume of any k points, by enumerating the subsets. */
    private static double bestVolume(double[][] points, int k, double[] reference) {
        double best = 0;
        for (int mask = 0; mask < 1 << points.length; mask++) {
            if (Integer.bitCount(mask) == k) {
                int m = mask;
                int[] subset = java.util.stream.IntStream.range(0, points.length)
                        .filter(i -> (m >> i & 1) == 1)
                        .toArray();
                best = Math.max(best, volume(points, subset, reference));
            }
        }
        return best;
    }
}
