package dev.anneal.worker.run;

import dev.anneal.data.CsvTable;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.worker.config.Nd4jThreads;
import dev.anneal.worker.prepare.PreparationOptions;
import dev.anneal.worker.prepare.PreparedData;
import dev.anneal.worker.prepare.TabularPreparer;
import dev.anneal.worker.testing.Specs;
import dev.anneal.worker.train.TrainingMonitor;
import dev.anneal.worker.train.TrainingResult;
import dev.anneal.worker.train.gan.Generator;
import dev.anneal.worker.train.gan.ImageClassifier;
import dev.anneal.worker.train.gan.ImageQuality;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The acceptance measurement, at full size (all 10,000 MNIST rows, minutes of training):
 * one image GAN trial as a worker runs it, then 1,000 samples of its best generator judged by a
 * CNN classifier trained separately (another seed) on the real training images. Prints the
 * numbers; run with {@code ANNEAL_GAN_ACCEPTANCE=1}, and {@code ANNEAL_GAN_EPOCHS}, {@code
 * ANNEAL_GAN_FILTERS}, {@code ANNEAL_GAN_BATCH}, {@code ANNEAL_GAN_DROPOUT}, {@code ANNEAL_GAN_GLR}
 * {@code ANNEAL_GAN_DLR} and {@code ANNEAL_GAN_LR_SCHEDULE} to change the epochs (default 25),
 * filters (64), batch size (16), the discriminator's dropout (0), the generator's and
 * discriminator's learning rates (2e-4 each) and their schedule (none).
 */
@EnabledIfEnvironmentVariable(named = "ANNEAL_GAN_ACCEPTANCE", matches = "1")
class ImageGanAcceptanceTest {

    @Test
    void measuresTheBestGeneratorsDigits() throws java.io.IOException {
        Nd4jThreads.limit(1);
        CsvTable mnist = Specs.table("mnist.csv.gz");
        JobSpec spec = ImageGanTrialsTest.spec();
        int epochs = Integer.parseInt(System.getenv().getOrDefault("ANNEAL_GAN_EPOCHS", "25"));
        TrialParams params = new TrialParams(Map.of(
                "epochs",
                (long) epochs,
                "batchSize",
                Long.parseLong(System.getenv().getOrDefault("ANNEAL_GAN_BATCH", "16")),
                "latentSize",
                64L,
                "filters",
                Long.parseLong(System.getenv().getOrDefault("ANNEAL_GAN_FILTERS", "64")),
                "dropout",
                Double.parseDouble(System.getenv().getOrDefault("ANNEAL_GAN_DROPOUT", "0")),
                "generatorLearningRate",
                Double.parseDouble(System.getenv().getOrDefault("ANNEAL_GAN_GLR", "2e-4")),
                "discriminatorLearningRate",
                Double.parseDouble(System.getenv().getOrDefault("ANNEAL_GAN_DLR", "2e-4")),
                "labelSmoothing",
                0.1,
                "optimizer",
                "adam",
                "lrSchedule",
                System.getenv().getOrDefault("ANNEAL_GAN_LR_SCHEDULE", "none")));
        PreparedData data = TabularPreparer.prepare(mnist, spec, PreparationOptions.of(params, spec))
                .get(0);
        long start = System.nanoTime();
        TrainingResult result = GanTrials.train(data, spec, params, 11, new TrainingMonitor() {
            @Override
            public boolean stopRequested() {
                return false;
            }

            @Override
            public boolean afterEpoch(int epoch, Map<String, Double> metrics) {
                System.out.printf("epoch %d at %.0f s: %s%n", epoch, (System.nanoTime() - start) / 1e9, metrics);
                return true;
            }
        });
        var finished = (TrainingResult.Finished) result;
        // the stored samples, for a look: GET best-samples.png draws the same CSV
        java.nio.file.Files.writeString(
                java.nio.file.Path.of("target", "image-gan-acceptance-samples.csv"),
                finished.model().samples());
        Generator generator = Generator.fromZip(finished.model().zip());
        ImageClassifier separate =
                ImageClassifier.train(data.trainX(), data.trainY(), spec.model().input(), 12345);
        Map<String, Double> judged = new ImageQuality(separate, data.validationX()).score(generator.sample(1000, 99));
        Map<String, Double> realJudged =
                new ImageQuality(separate, data.validationX()).score(ImageQuality.spread(data.validationX()));
        float[][] p = separate.score(data.validationX()).probabilities();
        int correct = 0;
        for (int i = 0; i < p.length; i++) {
            int top = 0;
            for (int c = 1; c < p[i].length; c++) {
                top = p[i][c] > p[i][top] ? c : top;
            }
            correct += top == data.validationClasses()[i] ? 1 : 0;
        }
        System.out.printf(
                "ACCEPTANCE after %.0f s: 1000 samples of the best generator (epoch %d), separate classifier"
                        + " (validation accuracy %.4f): %s; 1000 real validation images: %s%n",
                (System.nanoTime() - start) / 1e9,
                java.util.stream.IntStream.range(0, finished.curve().size())
                                .boxed()
                                .min(java.util.Comparator.comparingDouble(
                                        e -> finished.curve().get(e).get("val_fid")))
                                .orElseThrow()
                        + 1,
                (double) correct / p.length,
                judged,
                realJudged);
    }
}
