package dev.anneal.worker.train.gan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.spec.JobSpec;
import dev.anneal.spec.catalog.NetworkFootprint;
import dev.anneal.spec.catalog.TrialParams;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A GAN trial holds three networks; the footprint counts exactly their parameters. */
class GanFootprintTest {

    @Test
    void ganParametersAreTheThreeBuiltNetworks() {
        var s = new GanSettings(1e-3, 1e-3, 8, 24, 3, 0, 0, 32, 1, "adam", 0.9, 0, 0, 0, "none", 1, 1, null);
        long built = GanNetworks.discriminator(13, s, 1).numParams()
                + GanNetworks.combined(13, s, 1).numParams()
                + GanNetworks.generator(13, s).numParams();

        TrialParams p = new TrialParams(Map.of("latentSize", 8L, "units", 24L, "hiddenLayers", 3L));
        assertThat(NetworkFootprint.gan(13, p).parameters()).isEqualTo(built);
    }

    @Test
    void imageGanParametersAreTheThreeBuiltNetworks() {
        var image = new JobSpec.ImageShape(3, 12, 8);
        var s = new GanSettings(1e-3, 1e-3, 8, 24, 3, 0, 0, 32, 1, "adam", 0.9, 0, 0, 0, "none", 1, 5, image);
        long built = GanNetworks.discriminator(288, s, 1).numParams()
                + GanNetworks.combined(288, s, 1).numParams()
                + GanNetworks.generator(288, s).numParams();

        TrialParams p = new TrialParams(Map.of("latentSize", 8L, "filters", 5L));
        assertThat(NetworkFootprint.imageGan(image, p).parameters()).isEqualTo(built);
    }
}
