package dev.anneal.tuner.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.tuner.space.CategoricalDistribution;
import dev.anneal.tuner.space.FixedValue;
import dev.anneal.tuner.space.FloatDistribution;
import dev.anneal.tuner.space.IntDistribution;
import dev.anneal.tuner.space.SearchSpace;
import dev.anneal.tuner.study.Direction;
import dev.anneal.tuner.study.StudyView;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RandomSamplerTest {

    static final SearchSpace SPACE = SearchSpace.of(
            new FloatDistribution("learningRate", 1e-4, 0.1, true, null),
            new CategoricalDistribution("batchSize", List.of(16L, 32L, 64L)),
            new IntDistribution("epochs", 5, 40, false, 1),
            new FloatDistribution("dropout", 0.0, 0.5, false, null),
            new FixedValue("hiddenLayers", 2L));

    static final StudyView EMPTY = new StudyView(SPACE, Direction.MAXIMIZE, List.of());

    final RandomSampler sampler = new RandomSampler();

    @Test
    void everyProposalLiesInTheSpace() {
        for (int n = 0; n < 500; n++) {
            Map<String, Object> params =
                    sampler.sample(EMPTY, n, TrialSeeds.forTrial(42, n)).orElseThrow();
            assertThat(SPACE.contains(params)).as("%s", params).isTrue();
            assertThat(params.get("hiddenLayers")).isEqualTo(2L);
        }
    }

    @Test
    void sameSeedAndNumberGiveTheSameParameters() {
        for (int n = 0; n < 20; n++) {
            assertThat(sampler.sample(EMPTY, n, TrialSeeds.forTrial(42, n)))
                    .isEqualTo(sampler.sample(EMPTY, n, TrialSeeds.forTrial(42, n)));
        }
    }

    @Test
    void differentSeedsOrNumbersGiveDifferentParameters() {
        Set<Object> rates = new HashSet<>();
        for (int n = 0; n < 50; n++) {
            rates.add(sampler.sample(EMPTY, n, TrialSeeds.forTrial(42, n))
                    .orElseThrow()
                    .get("learningRate"));
            rates.add(sampler.sample(EMPTY, n, TrialSeeds.forTrial(43, n))
                    .orElseThrow()
                    .get("learningRate"));
        }
        assertThat(rates).hasSize(100);
    }

    @Test
    void categoricalChoicesAreAllUsedRoughlyEvenly() {
        int[] counts = new int[3];
        for (int n = 0; n < 3000; n++) {
            long batch = (long) sampler.sample(EMPTY, n, TrialSeeds.forTrial(7, n))
                    .orElseThrow()
                    .get("batchSize");
            counts[Long.numberOfTrailingZeros(batch) - 4]++;
        }
        for (int c : counts) {
            assertThat(c).isBetween(900, 1100);
        }
    }
}
