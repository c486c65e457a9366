package dev.anneal.worker.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.data.CsvTable;
import dev.anneal.data.CsvTableReader;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.JobSpec.ModelSpec;
import dev.anneal.spec.JobSpec.SeriesSpec;
import dev.anneal.spec.JobSpec.ValidationSpec;
import dev.anneal.spec.ModelFamily;
import dev.anneal.spec.ValidationScheme;
import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.worker.config.Nd4jThreads;
import dev.anneal.worker.prepare.DataPreparation;
import dev.anneal.worker.prepare.PreparationOptions;
import dev.anneal.worker.prepare.PreparedData;
import dev.anneal.worker.testing.RecordingMonitor;
import dev.anneal.worker.testing.Specs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Several series-LSTM trials of the size that exhausted a 24 GB machine (a 3,150-step monthly
 * series, windows of 24, 32 units, batches of 32, the last 24 steps validating) in one process:
 * after the first trial, the process's resident memory must stay flat. With the fused LSTM layer
 * ({@code lstmLayer_bp} of libnd4j M2.1) it grew by about 100 MB an epoch and was never released.
 */
class SeriesLstmMemoryTest {

    private static final int TRIALS = 3;
    private static final long EPOCHS = 2;
    /** Heap growth and allocator noise; the leak added ~400 MB over the two trials after the first. */
    private static final long BOUND_MB = 200;

    @Test
    @EnabledOnOs(OS.LINUX) // reads /proc/self/status
    void residentMemoryStaysFlatAcrossTrials() throws IOException {
        Nd4jThreads.limit(1);
        CsvTable table = seasonalSeries(3150);
        JobSpec spec = Specs.spec(
                "value",
                "regression",
                "val_rmse",
                "minimize",
                new ModelSpec(ModelFamily.LSTM, null, null, new SeriesSpec(1)),
                new ValidationSpec(ValidationScheme.CHRONOLOGICAL, null, null, 24),
                1);
        TrialParams params = new TrialParams(Map.of(
                "window", 24L,
                "units", 32L,
                "hiddenLayers", 1L,
                "learningRate", 0.01,
                "batchSize", 32L,
                "epochs", EPOCHS));

        List<Long> rss = new ArrayList<>();
        for (int trial = 0; trial < TRIALS; trial++) {
            List<PreparedData> data = DataPreparation.prepare(table, spec, PreparationOptions.of(params));
            var monitor = new RecordingMonitor();
            var result = SupervisedTrainer.train(data, spec, params, trial, monitor);
            assertThat(result).isInstanceOf(TrainingResult.Finished.class);
            assertThat(monitor.epochs).hasSize((int) EPOCHS);
            System.gc();
            rss.add(residentMegabytes());
        }

        long growth = rss.get(rss.size() - 1) - rss.get(0);
        assertThat(growth).as("resident MB after each trial: %s", rss).isLessThan(BOUND_MB);
    }

    /** A trend, a yearly season and noise: what a monthly business series looks like. */
    static CsvTable seasonalSeries(int steps) {
        StringBuilder csv = new StringBuilder("month,value\n");
        SplittableRandom random = new SplittableRandom(7);
        for (int t = 0; t < steps; t++) {
            double value = 100 + 0.05 * t + 10 * Math.sin(2 * Math.PI * t / 12) + gaussian(random);
            csv.append(t).append(',').append(value).append('\n');
        }
        return CsvTableReader.read(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    static long residentMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
