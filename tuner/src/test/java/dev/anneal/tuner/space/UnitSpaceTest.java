package dev.anneal.tuner.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UnitSpaceTest {

    static final SearchSpace SPACE = SearchSpace.of(
            new FloatDistribution("lr", 1e-5, 1e-1, true, null),
            new CategoricalDistribution("batch", List.of(16L, 32L, 64L)),
            new IntDistribution("epochs", 1, 50, false, 1),
            new IntDistribution("units", 16, 256, true, 1),
            new FloatDistribution("dropout", 0.0, 0.5, false, 0.1),
            new FixedValue("layers", 2L));

    final UnitSpace unit = new UnitSpace(SPACE);

    @Test
    void fixedValuesTakeNoDimension() {
        assertThat(unit.dimensions()).isEqualTo(5);
        assertThat(unit.isCategorical(1)).isTrue();
        assertThat(unit.choices(1)).isEqualTo(3);
        assertThat(unit.cells(2)).isEqualTo(50);
        assertThat(unit.cells(0)).isZero();
    }

    @Test
    void encodeThenDecodeGivesTheSameParameters() {
        var rng = new SplittableRandom(1);
        for (int n = 0; n < 2000; n++) {
            Map<String, Object> params = new java.util.LinkedHashMap<>();
            SPACE.parameters().values().forEach(d -> params.put(d.name(), d.sample(rng)));
            Map<String, Object> back = unit.decode(unit.encode(params));
            assertThat(back.keySet()).containsExactlyElementsOf(params.keySet());
            assertThat(back.get("batch")).isEqualTo(params.get("batch"));
            assertThat(back.get("epochs")).isEqualTo(params.get("epochs"));
            assertThat(back.get("units")).isEqualTo(params.get("units"));
            assertThat(back.get("dropout")).isEqualTo(params.get("dropout"));
            assertThat((double) back.get("lr")).isCloseTo((double) params.get("lr"), within(1e-12));
            assertThat(SPACE.contains(back)).isTrue();
        }
    }

    @Test
    void logRangesAreLinearInLogSpace() {
        double[] x =
                unit.encode(Map.of("lr", 1e-3, "batch", 16L, "epochs", 1L, "units", 16L, "dropout", 0.0, "layers", 2L));
        assertThat(x[0]).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void everyIntegerGetsAnEqualCell() {
        int[] counts = new int[50];
        for (int k = 0; k < 50_000; k++) {
            double[] x = {0.5, 0, (k + 0.5) / 50_000.0, 0.5, 0.5};
            counts[(int) (long) (Long) unit.decode(x).get("epochs") - 1]++;
        }
        for (int c : counts) {
            assertThat(c).isEqualTo(1000);
        }
    }

    @Test
    void decodeClampsOutOfRangeCoordinates() {
        Map<String, Object> p = unit.decode(new double[] {-3, 7, 1.5, -0.2, 2});
        assertThat(p.get("lr")).isEqualTo(1e-5);
        assertThat(p.get("batch")).isEqualTo(64L);
        assertThat(p.get("epochs")).isEqualTo(50L);
        assertThat(p.get("units")).isEqualTo(16L);
        assertThat(p.get("dropout")).isEqualTo(0.5);
        assertThat(SPACE.contains(p)).isTrue();
    }
}
