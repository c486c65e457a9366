package dev.anneal.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.tuner.pruner.Pruners;
import dev.anneal.tuner.sampler.Samplers;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The spec's closed sets name exactly what the tuner can build, in its order. */
class ClosedSetsTest {

    @Test
    void everyAlgorithmIsASamplerAndEverySamplerAnAlgorithm() {
        assertThat(Arrays.stream(Algorithm.values()).map(Algorithm::spelling))
                .containsExactlyElementsOf(Samplers.NAMES);
    }

    @Test
    void theFamilySpellingsAreTheEnumsSpellings() {
        assertThat(List.of(ModelFamilies.MLP, ModelFamilies.CNN, ModelFamilies.LSTM, ModelFamilies.GAN))
                .containsExactlyElementsOf(ModelFamilies.ALL);
        assertThat(ModelFamilies.ALL).hasSize(ModelFamily.values().length);
    }

    @Test
    void everyPrunerTypeHasItsVariant() {
        for (String type : Pruners.NAMES) {
            var settings = new dev.anneal.tuner.pruner.PrunerSettings(type, 1, 3, 27, 5, 0);
            assertThat(PrunerSpec.of(settings).settings().type()).isEqualTo(type);
        }
    }
}
