package dev.anneal.worker.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.spec.JobSpec;
import dev.anneal.spec.catalog.NetworkFootprint;
import dev.anneal.spec.catalog.TrialParams;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The footprint is computed without building a network; these build the real DL4J networks the
 * factories make and check the parameter count is exactly theirs, so a change of architecture
 * that forgets the budget fails here.
 */
class NetworkFootprintTest {

    @Test
    void mlpParametersAreTheBuiltNetworks() {
        for (Map<String, Object> values : java.util.List.<Map<String, Object>>of(
                Map.of("units", 16L, "hiddenLayers", 3L), Map.of("units", 7L, "hiddenLayers", 1L, "batchNorm", true))) {
            TrialParams p = new TrialParams(values);
            long built = MlpNetworkFactory.build(13, 3, true, p, 1, 1).numParams();
            assertThat(NetworkFootprint.mlp(13, 3, p).parameters())
                    .as(values.toString())
                    .isEqualTo(built);
        }
    }

    @Test
    void cnnParametersAreTheBuiltNetworksWithAndWithoutPooling() {
        JobSpec.ImageShape shape = new JobSpec.ImageShape(2, 9, 7);
        for (Map<String, Object> values : java.util.List.<Map<String, Object>>of(
                Map.of("filters", 4L, "convBlocks", 3L, "kernelSize", 3L, "pooling", "max", "denseUnits", 8L),
                Map.of("filters", 300L, "convBlocks", 2L, "kernelSize", 1L, "pooling", "none", "denseUnits", 5L),
                Map.of("filters", 3L, "convBlocks", 5L, "kernelSize", 2L, "batchNorm", true, "denseUnits", 4L))) {
            TrialParams p = new TrialParams(values);
            long built = CnnNetworkFactory.build(shape, 10, true, p, 1, 1).numParams();
            assertThat(NetworkFootprint.cnn(shape, 10, p).parameters())
                    .as(values.toString())
                    .isEqualTo(built);
        }
    }

    @Test
    void lstmParametersAreTheBuiltNetworks() {
        for (boolean bidirectional : new boolean[] {false, true}) {
            TrialParams p = new TrialParams(
                    Map.of("units", 6L, "hiddenLayers", 2L, "dropout", 0.2, "bidirectional", bidirectional));
            long built = LstmNetworkFactory.build(3, 1, false, p, 1, 1).numParams();
            assertThat(NetworkFootprint.lstm(3, 12, 1, p).parameters()).isEqualTo(built);
        }
    }

    @Test
    void aCnnWithoutPoolingKeepsEveryPixelOfEveryFilter() {
        TrialParams p = new TrialParams(Map.of("filters", 512L, "convBlocks", 1L, "pooling", "none"));
        NetworkFootprint f = NetworkFootprint.cnn(new JobSpec.ImageShape(1, 1024, 1024), 10, p);

        assertThat(f.widestLayer()).isEqualTo(512L * 1024 * 1024);
        // the dense layer after it sees every one of those values
        assertThat(f.parameters()).isGreaterThan(512L * 1024 * 1024 * 128);
        assertThat(f.activationBytes(1)).isGreaterThan(2L * 1024 * 1024 * 1024);
    }

    @Test
    void absurdSizesSaturateInsteadOfOverflowing() {
        TrialParams p = new TrialParams(
                Map.of("filters", 512L, "convBlocks", 6L, "pooling", "none", "kernelSize", 11L, "denseUnits", 4096L));
        NetworkFootprint f = NetworkFootprint.cnn(new JobSpec.ImageShape(64, 4096, 4096), 1000, p);

        assertThat(f.parameters()).isPositive();
        assertThat(f.activationBytes(8192)).isGreaterThan(100_000_000_000_000_000L);
        assertThat(f.activationBytes(Long.MAX_VALUE / 2)).isEqualTo(Long.MAX_VALUE);
    }
}
