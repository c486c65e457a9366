package dev.anneal.worker.train;

import dev.anneal.data.CsvTableReader;
import dev.anneal.spec.Algorithm;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.ModelFamily;
import dev.anneal.spec.ValidationScheme;
import dev.anneal.spec.catalog.Hyperparameters;
import dev.anneal.spec.catalog.ObjectiveMetrics;
import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.tuner.study.Direction;
import dev.anneal.worker.config.TrialMemory;
import dev.anneal.worker.prepare.DataPreparation;
import dev.anneal.worker.prepare.PreparationOptions;
import dev.anneal.worker.prepare.PreparedData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A small MLP trial on made-up data, run once when a worker starts, so that the first real trial
 * does not pay for what every JVM pays once: loading and linking DL4J's and ND4J's classes,
 * their first (interpreted) calls, libnd4j's first ops, and the model zip's JSON mappers. In
 * {@code anneal-bench trial-profile} the first digits trial of a JVM took 1.8–6.9 s (0.8–1.2 s of
 * CPU) against 0.5–1.5 s (about 300 ms of CPU) for the next ones; the model zip alone was 0.5–2.3
 * s of it. It runs the path a trial runs: CSV parsing, {@link DataPreparation}, network
 * build, mini-batches (on the dense path and through DL4J's fit), validation, the model zip, and
 * drops its workspaces afterwards.
 */
public final class TrainingWarmUp {

    private static final int ROWS = 240;
    private static final int FEATURES = 8;

    private TrainingWarmUp() {}

    /** @return the milliseconds it took */
    public static long run() {
        long start = System.nanoTime();
        try {
            JobSpec spec = JobSpec.training(
                    "label",
                    JobSpec.CLASSIFICATION,
                    List.of(),
                    new JobSpec.ModelSpec(ModelFamily.MLP, null, null, null),
                    new JobSpec.ObjectiveSpec(ObjectiveMetrics.VAL_ACCURACY, Direction.MAXIMIZE, "best"),
                    new JobSpec.ValidationSpec(ValidationScheme.HOLDOUT, 0.2, null, null),
                    new JobSpec.AlgorithmSpec(Algorithm.RANDOM, 0),
                    null);
            List<PreparedData> folds =
                    DataPreparation.prepare(CsvTableReader.read(csv()), spec, PreparationOptions.DEFAULT);
            // once on the dense path (plain MLPs), once through DL4J's own fit (batch normalization,
            // and the ops CNN and LSTM trials share with it)
            for (boolean batchNorm : new boolean[] {false, true}) {
                TrialParams params = new TrialParams(Map.of(
                        Hyperparameters.HIDDEN_LAYERS,
                        2,
                        Hyperparameters.UNITS,
                        16,
                        Hyperparameters.BATCH_SIZE,
                        32,
                        Hyperparameters.EPOCHS,
                        batchNorm ? 4 : 12,
                        Hyperparameters.DROPOUT,
                        0.1,
                        Hyperparameters.BATCH_NORM,
                        batchNorm,
                        Hyperparameters.WEIGHT_DECAY,
                        1e-4));
                SupervisedTrainer.train(folds, spec, params, 1, new TrainingMonitor() {
                    @Override
                    public boolean stopRequested() {
                        return false;
                    }

                    @Override
                    public boolean afterEpoch(int epoch, Map<String, Double> metrics) {
                        return true;
                    }
                });
            }
        } finally {
            TrialMemory.releaseAfterTrial();
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Three classes, each a blob around its own centre. */
    private static byte[] csv() {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder csv = new StringBuilder();
        for (int f = 0; f < FEATURES; f++) {
            csv.append('x').append(f).append(',');
        }
        csv.append("label\n");
        for (int r = 0; r < ROWS; r++) {
            int label = r % 3;
            for (int f = 0; f < FEATURES; f++) {
                csv.append(label * (f % 3) + random.nextGaussian()).append(',');
            }
            csv.append('c').append(label).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
