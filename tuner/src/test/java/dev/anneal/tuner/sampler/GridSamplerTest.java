package dev.anneal.tuner.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anneal.tuner.space.CategoricalDistribution;
import dev.anneal.tuner.space.FloatDistribution;
import dev.anneal.tuner.space.IntDistribution;
import dev.anneal.tuner.space.InvalidSearchSpaceException;
import dev.anneal.tuner.space.SearchSpace;
import dev.anneal.tuner.study.Direction;
import dev.anneal.tuner.study.StudyView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GridSamplerTest {

    static final SearchSpace CUBE = SearchSpace.of(
            new CategoricalDistribution("optimizer", List.of("adam", "sgd")),
            new FloatDistribution("learningRate", 0.01, 0.02, false, 0.01),
            new IntDistribution("units", 16, 32, false, 16));

    @Test
    void enumeratesEveryPointOnceInAFixedOrderThenStops() {
        var sampler = new GridSampler(CUBE);
        var study = new StudyView(CUBE, Direction.MAXIMIZE, List.of());
        List<Map<String, Object>> points = new ArrayList<>();
        for (int n = 0; n < 8; n++) {
            points.add(sampler.sample(study, n, new SplittableRandom(n)).orElseThrow());
        }

        assertThat(sampler.size()).isEqualTo(8);
        assertThat(points).doesNotHaveDuplicates().allMatch(CUBE::contains);
        assertThat(points.get(0))
                .containsExactly(
                        Map.entry("optimizer", "adam"), Map.entry("learningRate", 0.01), Map.entry("units", 16L));
        assertThat(points.get(1)).containsEntry("units", 32L).containsEntry("learningRate", 0.01);
        assertThat(points.get(7))
                .containsExactly(
                        Map.entry("optimizer", "sgd"), Map.entry("learningRate", 0.02), Map.entry("units", 32L));
        assertThat(sampler.sample(study, 8, new SplittableRandom(8))).isEmpty();
    }

    @Test
    void orderDoesNotDependOnTheRandomStream() {
        var sampler = new GridSampler(CUBE);
        var study = new StudyView(CUBE, Direction.MAXIMIZE, List.of());
        assertThat(sampler.sample(study, 5, new SplittableRandom(1)))
                .isEqualTo(sampler.sample(study, 5, new SplittableRandom(99)));
    }

    @Test
    void rejectsContinuousFloats() {
        var space = SearchSpace.of(new FloatDistribution("learningRate", 1e-4, 0.1, true, null));
        assertThatThrownBy(() -> new GridSampler(space))
                .isInstanceOf(InvalidSearchSpaceException.class)
                .hasMessageContaining("is required by grid search");
    }

    @Test
    void rejectsGridsAboveTheCap() {
        var space =
                SearchSpace.of(new IntDistribution("a", 1, 1000, false, 1), new IntDistribution("b", 1, 11, false, 1));
        assertThatThrownBy(() -> new GridSampler(space))
                .hasMessage("grid must have at most 10000 points, but has 11000");
    }
}
