package dev.anneal.tuner.importance;

import dev.anneal.tuner.random.Permutations;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A CART regression tree: each split picks, among a random subset of features, the threshold
 * that most reduces the squared error. Small by design: it models tens to thousands of trials,
 * not big data, so it sorts at every node rather than keeping presorted indices.
 */
final class RegressionTree {

    private static final int LEAF = -1;

    // node i: a split on feature[i] at threshold[i] with children left[i] and right[i], or a leaf holding value[i]
    private int[] feature = new int[16];
    private double[] threshold = new double[16];
    private int[] left = new int[16];
    private int[] right = new int[16];
    private double[] value = new double[16];
    private int nodes;

    private final int minLeaf;
    private final int featuresPerSplit;

    RegressionTree(int minLeaf, int featuresPerSplit) {
        this.minLeaf = minLeaf;
        this.featuresPerSplit = featuresPerSplit;
    }

    /** Grows the tree on the rows {@code rows} of {@code x} (repeats allowed, as in a bootstrap sample). */
    RegressionTree fit(double[][] x, double[] y, int[] rows, RandomGenerator random) {
        grow(x, y, rows.clone(), random);
        return this;
    }

    double predict(double[] row) {
        int node = 0;
        while (feature[node] != LEAF) {
            node = row[feature[node]] <= threshold[node] ? left[node] : right[node];
        }
        return value[node];
    }

    private int grow(double[][] x, double[] y, int[] rows, RandomGenerator random) {
        int node = newNode();
        value[node] = mean(y, rows);
        feature[node] = LEAF;
        Split best = rows.length < 2 * minLeaf ? null : bestSplit(x, y, rows, random);
        if (best == null) {
            return node;
        }
        int[] lower = Arrays.stream(rows)
                .filter(r -> x[r][best.feature] <= best.threshold)
                .toArray();
        int[] upper = Arrays.stream(rows)
                .filter(r -> x[r][best.feature] > best.threshold)
                .toArray();
        feature[node] = best.feature;
        threshold[node] = best.threshold;
        int l = grow(x, y, lower, random);
        int r = grow(x, y, upper, random);
        left[node] = l;
        right[node] = r;
        return node;
    }

    private record Split(int feature, double threshold, double score) {}

    private Split bestSplit(double[][] x, double[] y, int[] rows, RandomGenerator random) {
        int p = x[0].length;
        int[] candidates = Permutations.shuffled(p, random);
        Split best = null;
        for (int c = 0; c < Math.min(featuresPerSplit, p); c++) {
            int f = candidates[c];
            Integer[] order = Arrays.stream(rows).boxed().toArray(Integer[]::new);
            Arrays.sort(order, (a, b) -> Double.compare(x[a][f], x[b][f]));
            double total = 0;
            for (int r : rows) {
                total += y[r];
            }
            double leftSum = 0;
            // maximizing n_l·mean_l² + n_r·mean_r² is minimizing the children's squared error
            for (int i = 0; i < order.length - 1; i++) {
                leftSum += y[order[i]];
                int nLeft = i + 1;
                int nRight = order.length - nLeft;
                double here = x[order[i]][f];
                double next = x[order[i + 1]][f];
                if (here == next || nLeft < minLeaf || nRight < minLeaf) {
                    continue;
                }
                double rightSum = total - leftSum;
                double score = leftSum * leftSum / nLeft + rightSum * rightSum / nRight;
                if (best == null || score > best.score) {
                    best = new Split(f, (here + next) / 2, score);
                }
            }
        }
        double parent = 0;
        for (int r : rows) {
            parent += y[r];
        }
        parent = parent * parent / rows.length;
        return best != null && best.score > parent + 1e-12 ? best : null;
    }

    private int newNode() {
        if (nodes == feature.length) {
            int size = nodes * 2;
            feature = Arrays.copyOf(feature, size);
            threshold = Arrays.copyOf(threshold, size);
            left = Arrays.copyOf(left, size);
            right = Arrays.copyOf(right, size);
            value = Arrays.copyOf(value, size);
        }
        return nodes++;
    }

    private static double mean(double[] y, int[] rows) {
        double sum = 0;
        for (int r : rows) {
            sum += y[r];
        }
        return sum / rows.length;
    }
}
