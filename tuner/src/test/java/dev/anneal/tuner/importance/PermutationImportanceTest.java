package dev.anneal.tuner.importance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PermutationImportanceTest {

    @Test
    void theParameterTheObjectiveDependsOnGetsNearlyAllTheImportance() {
        SplittableRandom random = new SplittableRandom(1);
        double[][] x = new double[60][3];
        double[] y = new double[60];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {random.nextDouble(), random.nextDouble(), random.nextInt(3)};
            y[i] = Math.pow(x[i][1] - 0.3, 2) + 0.01 * random.nextGaussian();
        }

        double[] importance = PermutationImportance.of(x, y, new SplittableRandom(7));

        assertThat(importance[1]).isGreaterThan(0.8);
        assertThat(importance[0] + importance[1] + importance[2]).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void twoParametersThatMatterAreBothFoundAndTheSeedReproducesTheResult() {
        SplittableRandom random = new SplittableRandom(2);
        double[][] x = new double[80][3];
        double[] y = new double[80];
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {random.nextDouble(), random.nextDouble(), random.nextDouble()};
            y[i] = x[i][0] + x[i][2];
        }

        double[] importance = PermutationImportance.of(x, y, new SplittableRandom(3));

        assertThat(importance[0]).isGreaterThan(0.3);
        assertThat(importance[2]).isGreaterThan(0.3);
        assertThat(importance[1]).isLessThan(0.1);
        assertThat(PermutationImportance.of(x, y, new SplittableRandom(3))).containsExactly(importance);
    }

    @Test
    void aConstantObjectiveMakesNothingImportant() {
        double[][] x = {{0.1, 1}, {0.5, 0}, {0.9, 1}, {0.3, 0}};
        double[] y = {1, 1, 1, 1};

        assertThat(PermutationImportance.of(x, y, new SplittableRandom(1))).containsExactly(0.0, 0.0);
    }
}
