package dev.anneal.tuner.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses k of a set of points whose joint hypervolume is as large as possible (the hypervolume
 * subset selection problem), greedily: each step adds the point that adds the most hypervolume to
 * those chosen so far. Hypervolume is submodular, so the greedy subset has at least 1 − 1/e of the
 * best subset's hypervolume (Guerreiro et al., Greedy Hypervolume Subset Selection in Low
 * Dimensions, 2016), and in practice it is the best one or close to it. Used, as by Optuna's
 * multi-objective TPE, to cut a front that does not fit whole into a set of good trials, keeping
 * the points that spread along it rather than bunch up.
 *
 * <p>Lazy: a point's gain can only shrink as the subset grows (submodularity), so a gain computed
 * earlier bounds the current one, and points whose bound is below the best fresh gain of the step
 * are not recomputed.
 */
public final class HypervolumeSubsetSelection {

    private HypervolumeSubsetSelection() {}

    /**
     * @param points objective rows, all minimized
     * @param k how many to choose, at most the number of points
     * @param reference the hypervolume's reference point; points not below it in every objective
     *     add nothing and are chosen last, in the order given
     * @return indices of the chosen points, in the order chosen; ties go to the earlier index, so
     *     duplicates of a chosen point (which add nothing) come after every point that adds volume
     */
    public static int[] select(double[][] points, int k, double[] reference) {
        int n = points.length;
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("cannot choose " + k + " of " + n + " points");
        }
        double[] bound = new double[n];
        for (int i = 0; i < n; i++) {
            bound[i] = boxVolume(points[i], reference);
        }
        boolean[] chosen = new boolean[n];
        int[] order = new int[k];
        List<double[]> subset = new ArrayList<>();
        double volume = 0;
        for (int step = 0; step < k; step++) {
            // bounds are exact gains at step 0; afterwards recompute from the largest bound down,
            // stopping once no remaining bound can beat the best fresh gain
            Integer[] byBound = candidates(chosen, bound);
            int best = -1;
            double bestGain = Double.NEGATIVE_INFINITY;
            for (int i : byBound) {
                if (bound[i] < bestGain || (bound[i] == bestGain && i > best)) {
                    continue;
                }
                if (step > 0) {
                    subset.add(points[i]);
                    bound[i] = Math.max(0, Hypervolume.of(subset.toArray(double[][]::new), reference) - volume);
                    subset.remove(subset.size() - 1);
                }
                if (bound[i] > bestGain || (bound[i] == bestGain && i < best)) {
                    best = i;
                    bestGain = bound[i];
                }
            }
            chosen[best] = true;
            order[step] = best;
            subset.add(points[best]);
            // recomputed rather than summed, so rounding does not accumulate into the gains
            volume = Hypervolume.of(subset.toArray(double[][]::new), reference);
        }
        return order;
    }

    /** Unchosen indices, largest bound first, earlier index first among equal bounds. */
    private static Integer[] candidates(boolean[] chosen, double[] bound) {
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < chosen.length; i++) {
            if (!chosen[i]) {
                open.add(i);
            }
        }
        Integer[] sorted = open.toArray(Integer[]::new);
        Arrays.sort(
                sorted, (a, b) -> bound[a] != bound[b] ? Double.compare(bound[b], bound[a]) : Integer.compare(a, b));
        return sorted;
    }

    /** The volume a point dominates alone: an upper bound on what it can add to any subset. */
    private static double boxVolume(double[] p, double[] reference) {
        double v = 1;
        for (int j = 0; j < p.length; j++) {
            v *= Math.max(0, reference[j] - p[j]);
        }
        return v;
    }
}
