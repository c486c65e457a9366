package dev.anneal.tuner.pareto;

import java.util.Arrays;
import java.util.Comparator;

/**
 * NSGA-II's crowding distance within one front: for each point, the sum over objectives of the
 * gap between its two neighbours in that objective, divided by the front's extent in it. The
 * extremes of every objective get infinity, so they are always kept. Larger means lonelier, and
 * is preferred when a front must be cut, to keep the front spread out.
 */
public final class CrowdingDistance {

    private CrowdingDistance() {}

    /** @param front the front's objective rows, minimized */
    public static double[] of(double[][] front) {
        int n = front.length;
        double[] distance = new double[n];
        if (n <= 2) {
            Arrays.fill(distance, Double.POSITIVE_INFINITY);
            return distance;
        }
        int m = front[0].length;
        Integer[] order = new Integer[n];
        for (int k = 0; k < m; k++) {
            int objective = k;
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble(i -> front[i][objective]));
            double extent = front[order[n - 1]][k] - front[order[0]][k];
            distance[order[0]] = Double.POSITIVE_INFINITY;
            distance[order[n - 1]] = Double.POSITIVE_INFINITY;
            if (!(extent > 0)) {
                continue;
            }
            for (int j = 1; j < n - 1; j++) {
                distance[order[j]] += (front[order[j + 1]][k] - front[order[j - 1]][k]) / extent;
            }
        }
        return distance;
    }
}
