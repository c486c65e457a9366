package dev.anneal.tuner.pareto;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Non-dominated sorting under Deb's constraint domination (Deb et al., NSGA-II, 2002): a
 * feasible point dominates every infeasible one, an infeasible one dominates another only by a
 * smaller total violation, and two feasible points compare by Pareto dominance (no worse in every
 * objective, better in one). Rank 0 is the Pareto front of the feasible points; infeasible points
 * come after every feasible rank, one rank per distinct violation, smallest first.
 *
 * <p>All objectives are minimized. Two objectives are sorted in O(n log n) (a sweep in the order
 * of the first objective that places each point on the first front whose best second objective
 * it beats), more in O(m n²) (Deb's fast non-dominated sort).
 */
public final class ParetoRanking {

    private ParetoRanking() {}

    /** Ranks of unconstrained points. */
    public static int[] ranks(double[][] losses) {
        return ranks(losses, new double[losses.length]);
    }

    /**
     * @param losses one row of objective values per point, all minimized, finite
     * @param violations each point's total constraint violation, 0 when feasible
     */
    public static int[] ranks(double[][] losses, double[] violations) {
        int n = losses.length;
        int[] rank = new int[n];
        int[] feasible = IntStream.range(0, n).filter(i -> violations[i] <= 0).toArray();
        int fronts = feasible.length == 0
                ? 0
                : switch (losses[0].length) {
                    case 1 -> sortOne(losses, feasible, rank);
                    case 2 -> sortTwo(losses, feasible, rank);
                    default -> sortMany(losses, feasible, rank);
                };
        Integer[] infeasible =
                IntStream.range(0, n).filter(i -> violations[i] > 0).boxed().toArray(Integer[]::new);
        Arrays.sort(infeasible, Comparator.comparingDouble(i -> violations[i]));
        int r = fronts - 1;
        for (int k = 0; k < infeasible.length; k++) {
            if (k == 0 || violations[infeasible[k]] > violations[infeasible[k - 1]]) {
                r++;
            }
            rank[infeasible[k]] = r;
        }
        return rank;
    }

    /** Whether {@code a} Pareto-dominates {@code b} (minimization). */
    public static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int k = 0; k < a.length; k++) {
            if (a[k] > b[k]) {
                return false;
            }
            better |= a[k] < b[k];
        }
        return better;
    }

    /** Indices of the rank-0 points. */
    public static int[] front(double[][] losses, double[] violations) {
        int[] rank = ranks(losses, violations);
        return IntStream.range(0, rank.length).filter(i -> rank[i] == 0).toArray();
    }

    /** One objective: each distinct value is a front of its own. */
    private static int sortOne(double[][] losses, int[] points, int[] rank) {
        Integer[] order = Arrays.stream(points).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> losses[i][0]));
        int r = -1;
        for (int j = 0; j < order.length; j++) {
            if (j == 0 || losses[order[j]][0] > losses[order[j - 1]][0]) {
                r++;
            }
            rank[order[j]] = r;
        }
        return r + 1;
    }

    private static int sortTwo(double[][] losses, int[] points, int[] rank) {
        Integer[] order = Arrays.stream(points).boxed().toArray(Integer[]::new);
        Arrays.sort(
                order, Comparator.<Integer>comparingDouble(i -> losses[i][0]).thenComparingDouble(i -> losses[i][1]));
        // bestSecond[k]: the smallest second objective on front k so far; non-decreasing in k,
        // since every point of front k is dominated by one of front k - 1
        double[] bestSecond = new double[order.length];
        int fronts = 0;
        for (int j = 0; j < order.length; j++) {
            int i = order[j];
            if (j > 0 && Arrays.equals(losses[i], losses[order[j - 1]])) {
                // equal points do not dominate each other
                rank[i] = rank[order[j - 1]];
                continue;
            }
            // every earlier point has a first objective no larger, and differs from this one:
            // front k dominates it iff its best second objective is no larger
            int lo = 0;
            int hi = fronts;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (bestSecond[mid] <= losses[i][1]) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            rank[i] = lo;
            if (lo == fronts) {
                bestSecond[fronts++] = losses[i][1];
            } else {
                bestSecond[lo] = Math.min(bestSecond[lo], losses[i][1]);
            }
        }
        return fronts;
    }

    private static int sortMany(double[][] losses, int[] points, int[] rank) {
        int n = points.length;
        int[] dominatedBy = new int[n];
        int[][] dominates = new int[n][];
        int[] buffer = new int[n];
        for (int a = 0; a < n; a++) {
            int count = 0;
            for (int b = 0; b < n; b++) {
                if (dominates(losses[points[a]], losses[points[b]])) {
                    buffer[count++] = b;
                } else if (dominates(losses[points[b]], losses[points[a]])) {
                    dominatedBy[a]++;
                }
            }
            dominates[a] = Arrays.copyOf(buffer, count);
        }
        int[] current = IntStream.range(0, n).filter(a -> dominatedBy[a] == 0).toArray();
        int fronts = 0;
        while (current.length > 0) {
            int[] next = new int[n];
            int size = 0;
            for (int a : current) {
                rank[points[a]] = fronts;
                for (int b : dominates[a]) {
                    if (--dominatedBy[b] == 0) {
                        next[size++] = b;
                    }
                }
            }
            current = Arrays.copyOf(next, size);
            fronts++;
        }
        return fronts;
    }
}
