package dev.anneal.tuner.pareto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParetoRankingTest {

    @Test
    void twoObjectiveSweepAgreesWithPeelingByDefinition() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int round = 0; round < 50; round++) {
            // a coarse lattice, so equal values and duplicate points occur
            double[][] points = random(rng, 60, 2, 6);
            assertThat(ParetoRanking.ranks(points)).isEqualTo(byDefinition(points));
        }
    }

    @Test
    void anyNumberOfObjectivesAgreesWithPeelingByDefinition() {
        SplittableRandom rng = new SplittableRandom(2);
        for (int round = 0; round < 30; round++) {
            double[][] points = random(rng, 40, 1 + round % 4, 5);
            assertThat(ParetoRanking.ranks(points)).isEqualTo(byDefinition(points));
        }
    }

    @Test
    void infeasiblePointsRankAfterEveryFeasibleOneBySmallerViolation() {
        double[][] points = {{0, 0}, {1, 1}, {5, 5}, {-1, -1}, {-2, -2}, {3, 0}};
        double[] violation = {0, 0, 0, 0.5, 0.1, 0.5};
        // feasible: (0,0) rank 0, (1,1) rank 1, (5,5) rank 2; then 0.1, then both 0.5
        assertThat(ParetoRanking.ranks(points, violation)).containsExactly(0, 1, 2, 4, 3, 4);
        assertThat(ParetoRanking.front(points, violation)).containsExactly(0);
    }

    @Test
    void equalPointsShareARank() {
        double[][] points = {{1, 2}, {1, 2}, {2, 1}, {2, 2}};
        assertThat(ParetoRanking.ranks(points)).containsExactly(0, 0, 0, 1);
    }

    static double[][] random(SplittableRandom rng, int n, int m, int levels) {
        double[][] points = new double[n][m];
        for (double[] p : points) {
            for (int k = 0; k < m; k++) {
                p[k] = rng.nextInt(levels);
            }
        }
        return points;
    }

    /** Peels fronts: each round, the points no remaining point dominates. */
    private static int[] byDefinition(double[][] points) {
        int n = points.length;
        int[] rank = new int[n];
        java.util.Arrays.fill(rank, -1);
        int r = 0;
        int left = n;
        while (left > 0) {
            boolean[] inFront = new boolean[n];
            for (int a = 0; a < n; a++) {
                if (rank[a] >= 0) {
                    continue;
                }
                boolean dominated = false;
                for (int b = 0; b < n && !dominated; b++) {
                    dominated = rank[b] < 0 && ParetoRanking.dominates(points[b], points[a]);
                }
                inFront[a] = !dominated;
            }
            for (int a = 0; a < n; a++) {
                if (inFront[a]) {
                    rank[a] = r;
                    left--;
                }
            }
            r++;
        }
        return rank;
    }
}
