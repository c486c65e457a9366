package dev.anneal.tuner.importance;

import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * How much each parameter matters to the objective, as Breiman's random-forest permutation
 * importance: fit a forest of regression trees to (parameters → objective) on bootstrap samples,
 * then for each tree and parameter shuffle that parameter among the trials the tree did not see
 * (out of bag) and measure how much its squared error grows. A parameter the objective does not
 * depend on can be shuffled for free. Importances are clipped at 0 and scaled to sum to 1.
 *
 * <p>Written here rather than taken from a library: the permissive ones on Maven Central have
 * no random forest, and Smile (which has one) is GPL-3.0. Optuna's default is fANOVA on a random
 * forest; permutation importance on the same kind of forest ranks parameters alike on the
 * small studies this serves and is a few dozen lines.
 */
public final class PermutationImportance {

    private static final int TREES = 64;
    private static final int MIN_LEAF = 2;
    /** Optuna's fANOVA forest stops at this depth too; trees of 10,000 trials reach about 30. */
    private static final int MAX_DEPTH = 64;

    private PermutationImportance() {}

    /**
     * @param x one row per trial, one column per parameter (numbers; categoricals as indices)
     * @param y the objective of each trial
     * @param random draws the bootstrap samples, split candidates and shuffles; seeded, it makes the answer reproducible
     * @return one importance per column, non-negative, summing to 1 (all 0 when nothing explains y)
     */
    public static double[] of(double[][] x, double[] y, RandomGenerator random) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("need at least 2 trials with one objective each, but had " + x.length
                    + " rows and " + y.length + " values");
        }
        int p = x[0].length;
        SortedColumns data = new SortedColumns(x);
        double[] growth = new double[p];
        for (int t = 0; t < TREES; t++) {
            int[] counts = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                counts[random.nextInt(x.length)]++;
            }
            int[] outOfBag =
                    IntStream.range(0, x.length).filter(i -> counts[i] == 0).toArray();
            if (outOfBag.length < 2) {
                continue;
            }
            // a third of the features per split, as is usual for regression forests
            RegressionTree tree =
                    new RegressionTree(MIN_LEAF, Math.max(1, (p + 2) / 3), MAX_DEPTH).fit(data, y, counts, random);
            double base = error(tree, x, y, outOfBag, -1, null);
            for (int f = 0; f < p; f++) {
                growth[f] += error(tree, x, y, outOfBag, f, random) - base;
            }
        }
        return normalized(growth);
    }

    private static double error(
            RegressionTree tree, double[][] x, double[] y, int[] rows, int permuted, RandomGenerator random) {
        double[] column = null;
        if (permuted >= 0) {
            column = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                column[i] = x[rows[i]][permuted];
            }
            for (int i = column.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                double v = column[i];
                column[i] = column[j];
                column[j] = v;
            }
        }
        double sum = 0;
        for (int i = 0; i < rows.length; i++) {
            double[] row = x[rows[i]];
            double d = (column == null ? tree.predict(row) : tree.predict(row, permuted, column[i])) - y[rows[i]];
            sum += d * d;
        }
        return sum / rows.length;
    }

    private static double[] normalized(double[] growth) {
        double total = 0;
        for (int f = 0; f < growth.length; f++) {
            growth[f] = Math.max(0, growth[f]);
            total += growth[f];
        }
        if (total > 0) {
            for (int f = 0; f < growth.length; f++) {
                growth[f] /= total;
            }
        }
        return growth;
    }
}
