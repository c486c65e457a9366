package dev.anneal.tuner.importance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RegressionTreeTest {

    static int[] once(int rows) {
        int[] counts = new int[rows];
        Arrays.fill(counts, 1);
        return counts;
    }

    @Test
    void aStumpSplitsAStepWhereItIs() {
        SplittableRandom random = new SplittableRandom(1);
        double[][] x = new double[200][];
        double[] y = new double[200];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {random.nextDouble(), random.nextDouble()};
            y[i] = x[i][0] < 0.37 ? 1 : 5;
        }

        RegressionTree stump = new RegressionTree(2, 2, 1).fit(new SortedColumns(x), y, once(200), random);

        assertThat(stump.predict(new double[] {0.30, 0.9})).isEqualTo(1.0);
        assertThat(stump.predict(new double[] {0.36, 0.1})).isEqualTo(1.0);
        assertThat(stump.predict(new double[] {0.38, 0.5})).isEqualTo(5.0);
        assertThat(stump.predict(new double[] {0.38, 0.5}, 0, 0.2))
                .as("with feature 0 replaced")
                .isEqualTo(1.0);
    }

    @Test
    void aRowDrawnThreeTimesWeighsThreeTimes() {
        double[][] x = {{0.1}, {0.2}, {0.3}, {0.4}};
        double[] y = {1, 2, 3, 10};

        RegressionTree root = new RegressionTree(2, 1, 0).fit(new SortedColumns(x), y, new int[] {3, 0, 1, 0}, null);

        assertThat(root.predict(new double[] {0.25})).isCloseTo((3 * 1 + 3) / 4.0, within(1e-12));
    }

    /**
     * Grown to single rows, a tree reproduces its training data: every split kept all features'
     * orders partitioned alike, or later splits on other features would mix rows up.
     */
    @Test
    void grownToSingleRowsItPredictsEveryTrainingRowExactly() {
        SplittableRandom random = new SplittableRandom(4);
        double[][] x = new double[300][];
        double[] y = new double[300];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {random.nextDouble(), random.nextInt(5), random.nextDouble()};
            y[i] = random.nextGaussian();
        }

        RegressionTree tree = new RegressionTree(1, 3, 64).fit(new SortedColumns(x), y, once(300), random);

        for (int i = 0; i < x.length; i++) {
            assertThat(tree.predict(x[i])).as("row %d", i).isEqualTo(y[i]);
        }
    }
}
