package dev.anneal.worker.train.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anneal.worker.config.Nd4jThreads;
import dev.anneal.worker.testing.RecordingMonitor;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real adversarial DL4J training on the real iris measurements. */
class GanTrainerTest {

    static IrisRows iris;

    @BeforeAll
    static void load() {
        Nd4jThreads.limit(1);
        iris = IrisRows.load();
    }

    @Test
    void learnsTheIrisDistribution() {
        var monitor = new RecordingMonitor();

        GanResult result = GanTrainer.train(iris.train(), iris.validation(), settings(0, 40), 1, monitor);

        assertThat(result).isInstanceOf(GanResult.Finished.class);
        var finished = (GanResult.Finished) result;
        List<Map<String, Double>> curve = finished.curve();
        assertThat(monitor.epochs)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 40).boxed().toList());
        assertThat(curve.get(0).keySet()).containsExactly("loss", "d_loss", "val_mmd", "val_c2st");
        double first = curve.get(0).get("val_mmd");
        double best = curve.get(finished.bestEpoch() - 1).get("val_mmd");
        assertThat(curve).allSatisfy(epoch -> assertThat(epoch.get("val_mmd")).isGreaterThanOrEqualTo(best));
        float[][] noise;
        try (var latent = new LatentNoise(3, 4)) {
            noise = latent.next(iris.validation().length).toFloatMatrix();
        }
        double noiseMmd = SampleQuality.mmd(iris.validation(), noise);
        assertThat(best).isLessThan(first / 2).isLessThan(noiseMmd / 2);
        // the kept generator is the best epoch's, not the last one's: fresh samples score as well
        double fresh = SampleQuality.mmd(iris.validation(), finished.generator().sample(500, 9));
        assertThat(fresh).isLessThan(noiseMmd / 2);
    }

    @Test
    void sameSeedGivesTheSameCurve() {
        var s = settings(0.2, 4);
        var a = (GanResult.Finished) GanTrainer.train(iris.train(), iris.validation(), s, 5, new RecordingMonitor());
        var b = (GanResult.Finished) GanTrainer.train(iris.train(), iris.validation(), s, 5, new RecordingMonitor());
        var c = (GanResult.Finished) GanTrainer.train(iris.train(), iris.validation(), s, 6, new RecordingMonitor());

        assertThat(a.curve()).isEqualTo(b.curve());
        assertThat(a.curve()).isNotEqualTo(c.curve());
    }

    @Test
    void savedGeneratorSamplesLikeTheOriginal() {
        var result = (GanResult.Finished)
                GanTrainer.train(iris.train(), iris.validation(), settings(0, 2), 2, new RecordingMonitor());
        Generator original = result.generator();

        Generator restored = Generator.fromZip(original.toZip());

        assertThat(restored.latentSize()).isEqualTo(16);
        assertThat(restored.width()).isEqualTo(4);
        assertThat(restored.sample(20, 4)).isDeepEqualTo(original.sample(20, 4));
        assertThat(restored.sample(20, 4)).isNotEqualTo(original.sample(20, 5));
    }

    @Test
    void explodingLearningRateEndsAsDiverged() {
        var s = new GanSettings(1e30, 1e30, 16, 64, 2, 0, 0, 32, 5, "sgd", 0.9, 0, 0, 0, "none", 1, 1, null);

        GanResult result = GanTrainer.train(iris.train(), iris.validation(), s, 1, new RecordingMonitor());

        assertThat(result).isInstanceOf(GanResult.Diverged.class);
        assertThat(((GanResult.Diverged) result).detail()).contains("became NaN");
    }

    @Test
    void everyOptimizerTrains() {
        for (String optimizer : List.of("sgd", "nesterov", "rmsprop", "adamw")) {
            var s = new GanSettings(
                    1e-3, 1e-3, 8, 32, 1, 0, 0.1, 32, 1, optimizer, 0.9, 1e-4, 1.0, 0, "none", 1, 1, null);

            GanResult result = GanTrainer.train(iris.train(), iris.validation(), s, 1, new RecordingMonitor());

            assertThat(result).as(optimizer).isInstanceOf(GanResult.Finished.class);
        }
    }

    @Test
    void everyScheduleTrainsWithAnL1Penalty() {
        for (String schedule : List.of("step", "exponential", "cosine")) {
            var s = new GanSettings(
                    1e-3,
                    1e-3,
                    8,
                    32,
                    1,
                    0,
                    0.1,
                    32,
                    4,
                    "adam",
                    0.9,
                    0,
                    0,
                    1e-4,
                    schedule,
                    iris.train().length / 32 + 1,
                    1,
                    null);

            GanResult result = GanTrainer.train(iris.train(), iris.validation(), s, 1, new RecordingMonitor());

            assertThat(result).as(schedule).isInstanceOf(GanResult.Finished.class);
        }
    }

    @Test
    void settingsOutOfRangeAreRejected() {
        assertThatThrownBy(() -> new GanSettings(
                        1e-3, 1e-3, 16, 64, 2, 0.96, 0, 32, 5, "adam", 0.9, 0, 0, 0, "none", 1, 1, null))
                .hasMessageContaining("dropout");
        assertThatThrownBy(() -> new GanSettings(
                        1e-3, 1e-3, 16, 64, 2, 0, 0, 32, 5, "adagrad", 0.9, 0, 0, 0, "none", 1, 1, null))
                .hasMessageContaining("adagrad");
    }

    @Test
    void stopsAtTheNextBatchWhenAsked() {
        var monitor = new RecordingMonitor();
        monitor.stopAfterEpoch = 2;

        GanResult result = GanTrainer.train(iris.train(), iris.validation(), settings(0, 50), 1, monitor);

        assertThat(result).isEqualTo(new GanResult.Stopped(2));
        assertThat(monitor.epochs).containsExactly(1, 2);
    }

    /** Settings that learn iris in a few seconds: Adam 1e-3 for both, 16 latent, 2 × 64 units. */
    static GanSettings settings(double dropout, int epochs) {
        return new GanSettings(
                1e-3, 1e-3, 16, 64, 2, dropout, 0.1, 32, epochs, "adam", 0.9, 0, 0, 0, "none", 1, 1, null);
    }
}
