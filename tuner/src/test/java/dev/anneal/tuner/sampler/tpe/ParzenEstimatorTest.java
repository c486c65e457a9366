package dev.anneal.tuner.sampler.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.anneal.tuner.space.CategoricalDistribution;
import dev.anneal.tuner.space.FloatDistribution;
import dev.anneal.tuner.space.IntDistribution;
import dev.anneal.tuner.space.SearchSpace;
import dev.anneal.tuner.space.UnitSpace;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParzenEstimatorTest {

    static final UnitSpace SPACE = new UnitSpace(SearchSpace.of(
            new FloatDistribution("x", 0, 1, false, null),
            new IntDistribution("k", 1, 5, false, 1),
            new IntDistribution("units", 8, 512, true, 1),
            new CategoricalDistribution("c", List.of("a", "b", "c"))));

    static final Axis[] AXES = Axis.of(SPACE);

    static final double[][] OBSERVATIONS = {{0.2, 0.1, 0.3, 0}, {0.25, 0.5, 0.35, 2}, {0.9, 0.9, 0.9, 2}};

    @Test
    void eachAxisIsADensity() {
        for (boolean multivariate : new boolean[] {true, false}) {
            TpeSettings settings =
                    TpeSettings.defaults().withMultivariate(multivariate).withNormalizedScoring(true);
            for (int a = 0; a < AXES.length; a++) {
                double[][] column = new double[OBSERVATIONS.length][1];
                for (int i = 0; i < column.length; i++) {
                    column[i][0] = OBSERVATIONS[i][a];
                }
                ParzenEstimator pe = new ParzenEstimator(column, new Axis[] {AXES[a]}, settings);
                assertThat(totalMass(pe, AXES[a], a)).as("axis %d", a).isCloseTo(1.0, within(1e-4));
            }
        }
    }

    /** Integral of the density over a continuous axis; sum over the cells or choices otherwise. */
    private static double totalMass(ParzenEstimator pe, Axis axis, int a) {
        double total = 0;
        switch (axis.kind()) {
            case CONTINUOUS -> {
                int steps = 20_000;
                for (int i = 0; i < steps; i++) {
                    total += Math.exp(pe.logDensity(new double[] {(i + 0.5) / steps})) / steps;
                }
            }
            case CELLS -> {
                double u = 0;
                while (u < 1) {
                    double lo = axis.cellLow(u);
                    double hi = axis.cellHigh(u);
                    total += Math.exp(pe.logDensity(new double[] {u}));
                    u = hi + 1e-12;
                    assertThat(hi).isGreaterThan(lo);
                }
            }
            case CATEGORICAL -> {
                for (int c = 0; c < axis.choices(); c++) {
                    total += Math.exp(pe.logDensity(new double[] {c}));
                }
            }
        }
        return total;
    }

    @Test
    void drawsFollowTheDensity() {
        ParzenEstimator pe = new ParzenEstimator(OBSERVATIONS, AXES, TpeSettings.defaults());
        SplittableRandom rng = new SplittableRandom(3);
        double[][] draws = pe.sample(rng, 100_000);
        // share of draws with x < 0.5 against the density's mass there
        long below = 0;
        long choiceC = 0;
        for (double[] d : draws) {
            below += d[0] < 0.5 ? 1 : 0;
            choiceC += d[3] == 2 ? 1 : 0;
            assertThat(d[0]).isBetween(0.0, 1.0);
        }
        double[][] xOnly = {{0.2}, {0.25}, {0.9}};
        ParzenEstimator marginal = new ParzenEstimator(
                xOnly, new Axis[] {AXES[0]}, TpeSettings.defaults().withNormalizedScoring(true));
        double mass = 0;
        for (int i = 0; i < 5000; i++) {
            mass += Math.exp(marginal.logDensity(new double[] {(i + 0.5) / 10_000})) / 10_000;
        }
        // the joint estimator's Scott width uses all 4 axes; the 1-axis one is a little wider
        assertThat(below / 100_000.0).isCloseTo(mass, within(0.03));
        // choice 2 was observed twice of three: (2 · (1/4 + 1) / (3/4 + 1) + 1/3) / 4 over kernels
        double expectedC = (2 * (0.25 + 1) / 1.75 + 0.25 / 1.75 + 1.0 / 3) / 4;
        assertThat(choiceC / 100_000.0).isCloseTo(expectedC, within(0.005));
    }
}
