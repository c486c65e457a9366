package dev.anneal.worker.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.data.CsvTable;
import dev.anneal.data.CsvTableReader;
import dev.anneal.db.testing.SharedDatasets;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.ModelFamily;
import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.worker.config.Nd4jThreads;
import dev.anneal.worker.prepare.PreparationOptions;
import dev.anneal.worker.prepare.PreparedData;
import dev.anneal.worker.prepare.TabularPreparer;
import dev.anneal.worker.testing.RecordingMonitor;
import dev.anneal.worker.testing.Specs;
import dev.anneal.worker.train.TrainingResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real image GAN trial on {@value #ROWS} rows of the real MNIST (28 × 28 digits, label
 * column {@code label}), small and seeded: the networks, the quality classifier and the metrics
 * of the path a worker runs.
 */
class ImageGanTrialsTest {

    static final int ROWS = 2000;

    static CsvTable mnist;

    @BeforeAll
    static void load() {
        Nd4jThreads.limit(1);
        mnist = everyNth("mnist.csv.gz", 10_000 / ROWS);
    }

    static JobSpec spec() {
        return Specs.spec(
                "label",
                JobSpec.GENERATION,
                "val_fid",
                "minimize",
                new JobSpec.ModelSpec(ModelFamily.GAN, new JobSpec.ImageShape(1, 28, 28), null, null),
                Specs.holdout(),
                7);
    }

    @Test
    void theJudgeRecognizesRealDigitsOfEveryClass() {
        JobSpec spec = spec();
        PreparedData data = TabularPreparer.prepare(mnist, spec, PreparationOptions.of(new TrialParams(Map.of()), spec))
                .get(0);

        Map<String, Double> real = ImageJudges.forData(data, spec).score(data.validationX());

        System.out.println("real validation images: " + real);
        assertThat(real.get("val_confidence")).isGreaterThan(0.9);
        assertThat(real.get("val_coverage")).isBetween(0.05, 0.1);
        assertThat(real.get("val_fid")).isLessThan(1.0);
    }

    @Test
    void drawsDigitsTheClassifierRecognizes() {
        JobSpec spec = spec();
        TrialParams params = new TrialParams(Map.of(
                "epochs", 6L,
                "batchSize", 32L,
                "latentSize", 32L,
                "filters", 16L,
                "generatorLearningRate", 1e-3,
                "discriminatorLearningRate", 5e-4,
                "optimizer", "adam"));
        PreparedData data = TabularPreparer.prepare(mnist, spec, PreparationOptions.of(params, spec))
                .get(0);
        long start = System.nanoTime();

        TrainingResult result = GanTrials.train(data, spec, params, 3, new RecordingMonitor());

        System.out.printf("image GAN trial: %.1f s%n", (System.nanoTime() - start) / 1e9);
        assertThat(result).isInstanceOf(TrainingResult.Finished.class);
        var finished = (TrainingResult.Finished) result;
        List<Map<String, Double>> curve = finished.curve();
        curve.forEach(System.out::println);
        assertThat(curve.get(0))
                .containsKeys("loss", "d_loss", "val_mmd", "val_c2st", "val_fid", "val_confidence", "val_coverage");
        Map<String, Double> first = curve.get(0);
        Map<String, Double> best = curve.stream()
                .min(java.util.Comparator.comparingDouble(m -> m.get("val_fid")))
                .orElseThrow();
        // measured with this seed: val_fid 117 at epoch 1, 37 at best (epoch 4); val_confidence 0.63 to 0.69
        // (the judge's on real validation images: 0.90); pure noise scores val_fid in the hundreds
        assertThat(best.get("val_fid")).isLessThan(first.get("val_fid") / 2);
        assertThat(best.get("val_confidence")).isGreaterThan(0.5);
        // 1000 generated images, pixels back in the dataset's 0..255
        List<String> samples = finished.model().samples().lines().toList();
        assertThat(samples).hasSize(1001);
        assertThat(samples.get(0)).startsWith("pixel_0_0,pixel_0_1,");
        assertThat(samples.get(1).split(","))
                .hasSize(784)
                .allSatisfy(cell -> assertThat(Integer.parseInt(cell)).isBetween(0, 255));
    }

    /** The header and every {@code step}-th row of a shared dataset (MNIST's rows are sorted by label). */
    static CsvTable everyNth(String file, int step) {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(SharedDatasets.bytes(file)))) {
            List<String> all = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            List<String> lines = IntStream.range(0, all.size())
                    .filter(i -> i % step == 0)
                    .mapToObj(all::get)
                    .toList();
            return CsvTableReader.read((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
