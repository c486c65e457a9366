package dev.anneal.tuner.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistributionTest {

    @Test
    void rejectsMinAboveMax() {
        assertThatThrownBy(() -> new FloatDistribution("lr", 0.1, 0.01, false, null))
                .isInstanceOf(InvalidSearchSpaceException.class)
                .hasMessage("must be <= max, but was 0.1 > 0.01")
                .extracting("parameter", "field")
                .containsExactly("lr", "min");
        assertThatThrownBy(() -> new IntDistribution("units", 10, 5, false, 1))
                .hasMessage("must be <= max, but was 10 > 5");
    }

    @Test
    void rejectsLogScaleWithNonPositiveMin() {
        assertThatThrownBy(() -> new FloatDistribution("lr", 0, 1, true, null))
                .hasMessage("must be > 0 when log is true, but was 0.0");
        assertThatThrownBy(() -> new IntDistribution("units", 0, 8, true, 1))
                .hasMessage("must be > 0 when log is true, but was 0");
    }

    @Test
    void rejectsStepsThatDoNotDivideTheRange() {
        assertThatThrownBy(() -> new FloatDistribution("dropout", 0, 0.5, false, 0.2))
                .hasMessageContaining("must divide max - min");
        assertThatThrownBy(() -> new IntDistribution("units", 16, 100, false, 32))
                .hasMessageContaining("must divide max - min");
        assertThatThrownBy(() -> new FloatDistribution("lr", 1e-3, 1, true, 0.1))
                .hasMessage("cannot be combined with log");
    }

    @Test
    void rejectsEmptyOrRepeatedCategoricals() {
        assertThatThrownBy(() -> new CategoricalDistribution("optimizer", List.of()))
                .hasMessage("must list at least one choice");
        assertThatThrownBy(() -> new CategoricalDistribution("optimizer", List.of("adam", "adam")))
                .hasMessageContaining("must not repeat");
    }

    @Test
    void floatLatticeValuesAreExactDecimals() {
        var dropout = new FloatDistribution("dropout", 0.0, 0.5, false, 0.1);

        assertThat(dropout.values()).containsExactly(0.0, 0.1, 0.2, 0.3, 0.4, 0.5);
        assertThat(dropout.contains(0.3)).isTrue();
        assertThat(dropout.contains(0.35)).isFalse();
    }

    @Test
    void logFloatSamplesAreUniformInLogSpace() {
        var lr = new FloatDistribution("lr", 1e-4, 1e-0, true, null);
        var rng = new SplittableRandom(1);
        int[] perDecade = new int[4];
        for (int i = 0; i < 40_000; i++) {
            double v = (double) lr.sample(rng);
            assertThat(lr.contains(v)).isTrue();
            perDecade[(int) Math.min(3, Math.floor(Math.log10(v) + 4))]++;
        }
        for (int count : perDecade) {
            assertThat(count).isBetween(9_500, 10_500);
        }
    }

    @Test
    void logIntSamplesReachBothEndsAndStayInRange() {
        var units = new IntDistribution("units", 16, 256, true, 1);
        var rng = new SplittableRandom(2);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        long below64 = 0;
        for (int i = 0; i < 20_000; i++) {
            long v = (long) units.sample(rng);
            min = Math.min(min, v);
            max = Math.max(max, v);
            if (v < 64) {
                below64++;
            }
        }
        assertThat(min).isEqualTo(16);
        assertThat(max).isEqualTo(256);
        // 16..64 is half of the log range 16..256
        assertThat(below64).isBetween(9_000L, 11_000L);
    }

    @Test
    void steppedIntsOnlyTakeLatticeValues() {
        var batch = new IntDistribution("batchSize", 16, 64, false, 16);
        var rng = new SplittableRandom(3);
        for (int i = 0; i < 1000; i++) {
            assertThat(batch.sample(rng)).isIn(16L, 32L, 48L, 64L);
        }
        assertThat(batch.values()).containsExactly(16L, 32L, 48L, 64L);
    }

    @Test
    void gridSizeMultipliesAxesAndSaturates() {
        var space = SearchSpace.of(
                new CategoricalDistribution("optimizer", List.of("adam", "sgd")),
                new IntDistribution("units", 1, 3, false, 1),
                new FixedValue("hiddenLayers", 2L));
        assertThat(space.gridSize()).isEqualTo(6);

        var continuous = SearchSpace.of(new FloatDistribution("lr", 1e-4, 1e-1, true, null));
        assertThat(continuous.gridSize()).isEqualTo(Long.MAX_VALUE);

        var huge = SearchSpace.of(
                new IntDistribution("a", 0, Long.MAX_VALUE / 4, false, 1), new IntDistribution("b", 0, 1000, false, 1));
        assertThat(huge.gridSize()).isEqualTo(Long.MAX_VALUE);
    }
}
