package dev.anneal.worker.train.gan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.spec.JobSpec;
import dev.anneal.worker.config.Nd4jThreads;
import dev.anneal.worker.testing.RecordingMonitor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The image networks train together, with every option that changes their layers. */
class ImageGanNetworksTest {

    @BeforeAll
    static void threads() {
        Nd4jThreads.limit(1);
    }

    @Test
    void trainsWithDiscriminatorDropoutAndDrawsPixelsInTheUnitRange() {
        var image = new JobSpec.ImageShape(2, 8, 12);
        var s = new GanSettings(1e-3, 1e-3, 8, 1, 1, 0.3, 0.1, 16, 2, "adam", 0.9, 0, 0, 0, "none", 4, 4, image);

        GanResult result = GanTrainer.train(rows(64, 192, 1), rows(16, 192, 2), s, 3, new RecordingMonitor());

        assertThat(result).isInstanceOf(GanResult.Finished.class);
        float[][] drawn = ((GanResult.Finished) result).generator().sample(5, 1);
        assertThat(drawn).hasNumberOfRows(5);
        assertThat(drawn[0]).hasSize(2 * 8 * 12);
        for (float[] row : drawn) {
            for (float pixel : row) {
                assertThat(pixel).isBetween(0f, 1f);
            }
        }
    }

    private static float[][] rows(int n, int width, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] rows = new float[n][width];
        for (float[] row : rows) {
            for (int i = 0; i < width; i++) {
                row[i] = (float) random.nextDouble();
            }
        }
        return rows;
    }
}
