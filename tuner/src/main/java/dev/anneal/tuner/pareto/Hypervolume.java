package dev.anneal.tuner.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The hypervolume of the region dominated by a set of points and bounded by a reference point
 * (all objectives minimized; points not strictly better than the reference in every objective add
 * nothing). Exact: a sweep in two dimensions (O(n log n)); beyond, slicing along the last
 * objective (Hypervolume by Slicing Objectives), which is exponential in the dimension but fine
 * for the 3–4 objectives and the front sizes a study has.
 */
public final class Hypervolume {

    private Hypervolume() {}

    public static double of(double[][] points, double[] reference) {
        List<double[]> inside = new ArrayList<>();
        for (double[] p : points) {
            boolean below = true;
            for (int k = 0; k < reference.length; k++) {
                below &= p[k] < reference[k];
            }
            if (below) {
                inside.add(p);
            }
        }
        return volume(inside, reference, reference.length);
    }

    private static double volume(List<double[]> points, double[] reference, int m) {
        if (points.isEmpty()) {
            return 0;
        }
        if (m == 1) {
            double best = reference[0];
            for (double[] p : points) {
                best = Math.min(best, p[0]);
            }
            return reference[0] - best;
        }
        if (m == 2) {
            return twoDimensions(points, reference);
        }
        // slices between consecutive values of the last objective: in each, the points at or
        // below the slice's bottom dominate an (m-1)-dimensional region
        List<double[]> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(p -> p[m - 1]));
        double total = 0;
        List<double[]> active = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            active.add(sorted.get(i));
            double top = i + 1 < sorted.size() ? sorted.get(i + 1)[m - 1] : reference[m - 1];
            double height = top - sorted.get(i)[m - 1];
            if (height > 0) {
                // dominated points add nothing to a lower-dimensional volume, so they need no filtering
                total += height * volume(active, reference, m - 1);
            }
        }
        return total;
    }

    private static double twoDimensions(List<double[]> points, double[] reference) {
        double[][] sorted = points.toArray(double[][]::new);
        Arrays.sort(sorted, Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        double total = 0;
        double ceiling = reference[1];
        for (double[] p : sorted) {
            if (p[1] < ceiling) {
                total += (reference[0] - p[0]) * (ceiling - p[1]);
                ceiling = p[1];
            }
        }
        return total;
    }
}
