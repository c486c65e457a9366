package dev.anneal.tuner.importance;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The trials as a forest fits them: one array per parameter (column-major, so a split's scan
 * reads one array) and, per parameter, the row indices in increasing order of its value. Sorted
 * once per forest; every tree's bootstrap sample is then put in order by a pass over these orders
 * instead of a sort.
 */
final class SortedColumns {

    final double[][] columns;
    final int[][] order;
    final int rows;

    SortedColumns(double[][] x) {
        rows = x.length;
        int p = x[0].length;
        columns = new double[p][rows];
        order = new int[p][];
        for (int f = 0; f < p; f++) {
            double[] column = columns[f];
            for (int r = 0; r < rows; r++) {
                column[r] = x[r][f];
            }
            order[f] = sortedIndices(column);
        }
    }

    int features() {
        return columns.length;
    }

    private static int[] sortedIndices(double[] column) {
        Integer[] boxed = new Integer[column.length];
        Arrays.setAll(boxed, i -> i);
        Arrays.sort(boxed, Comparator.comparingDouble(i -> column[i]));
        return Arrays.stream(boxed).mapToInt(Integer::intValue).toArray();
    }
}
