package dev.anneal.tuner.sampler.tpe;

import dev.anneal.tuner.pareto.HypervolumeSubsetSelection;
import dev.anneal.tuner.pareto.ParetoRanking;
import java.util.ArrayList;
import java.util.List;

/**
 * The best k of a set of feasible trials when "best" is a trade-off between objectives, as
 * Optuna's multi-objective TPE picks its good trials ({@code _split_complete_trials_multi_objective}):
 * whole non-dominated fronts in rank order while they fit, and from the first front that does not
 * fit, the points a greedy {@link HypervolumeSubsetSelection hypervolume subset selection} keeps.
 * The cut thus prefers points spread along that front, so l(x) covers the whole trade-off rather
 * than a crowded stretch of it. With one objective the fronts are the distinct values and this is
 * sorting by value.
 */
final class FrontCut {

    /** Optuna's floor for a zero reference coordinate. */
    private static final double EPS = 1e-12;

    private FrontCut() {}

    /**
     * @param losses one row per trial, every objective minimized
     * @param k how many to choose, at most the number of rows
     * @return the chosen rows' indices
     */
    static List<Integer> best(double[][] losses, int k) {
        List<Integer> chosen = new ArrayList<>();
        if (k == 0) {
            return chosen;
        }
        int[] rank = ParetoRanking.ranks(losses);
        int fronts = 0;
        for (int r : rank) {
            fronts = Math.max(fronts, r + 1);
        }
        for (int r = 0; r < fronts && chosen.size() < k; r++) {
            List<Integer> front = new ArrayList<>();
            for (int i = 0; i < rank.length; i++) {
                if (rank[i] == r) {
                    front.add(i);
                }
            }
            if (chosen.size() + front.size() <= k) {
                chosen.addAll(front);
                continue;
            }
            double[][] points = front.stream().map(i -> losses[i]).toArray(double[][]::new);
            for (int j : HypervolumeSubsetSelection.select(points, k - chosen.size(), reference(points))) {
                chosen.add(front.get(j));
            }
        }
        return chosen;
    }

    /**
     * Optuna's reference point for the cut: just beyond the front's worst value in each objective
     * (10% of its magnitude, on whichever side is worse), so that every point of the front adds
     * some volume and the extremes count for little more than their neighbours.
     */
    static double[] reference(double[][] points) {
        int m = points[0].length;
        double[] reference = new double[m];
        for (int j = 0; j < m; j++) {
            double worst = Double.NEGATIVE_INFINITY;
            for (double[] p : points) {
                worst = Math.max(worst, p[j]);
            }
            reference[j] = worst == 0 ? EPS : Math.max(1.1 * worst, 0.9 * worst);
        }
        return reference;
    }
}
