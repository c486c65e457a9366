package dev.anneal.worker.run;

import static dev.anneal.spec.catalog.Hyperparameters.BATCH_SIZE;
import static dev.anneal.spec.catalog.Hyperparameters.DISCRIMINATOR_LEARNING_RATE;
import static dev.anneal.spec.catalog.Hyperparameters.DROPOUT;
import static dev.anneal.spec.catalog.Hyperparameters.EPOCHS;
import static dev.anneal.spec.catalog.Hyperparameters.FILTERS;
import static dev.anneal.spec.catalog.Hyperparameters.GENERATOR_LEARNING_RATE;
import static dev.anneal.spec.catalog.Hyperparameters.GRADIENT_CLIPPING;
import static dev.anneal.spec.catalog.Hyperparameters.HIDDEN_LAYERS;
import static dev.anneal.spec.catalog.Hyperparameters.L1;
import static dev.anneal.spec.catalog.Hyperparameters.LABEL_SMOOTHING;
import static dev.anneal.spec.catalog.Hyperparameters.LATENT_SIZE;
import static dev.anneal.spec.catalog.Hyperparameters.LR_SCHEDULE;
import static dev.anneal.spec.catalog.Hyperparameters.MOMENTUM;
import static dev.anneal.spec.catalog.Hyperparameters.OPTIMIZER;
import static dev.anneal.spec.catalog.Hyperparameters.UNITS;
import static dev.anneal.spec.catalog.Hyperparameters.WEIGHT_DECAY;

import dev.anneal.spec.JobSpec;
import dev.anneal.spec.catalog.ObjectiveMetrics;
import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.worker.prepare.PreparedData;
import dev.anneal.worker.prepare.RowDecoder;
import dev.anneal.worker.train.TrainedModel;
import dev.anneal.worker.train.TrainingMonitor;
import dev.anneal.worker.train.TrainingResult;
import dev.anneal.worker.train.gan.GanResult;
import dev.anneal.worker.train.gan.GanSettings;
import dev.anneal.worker.train.gan.GanTrainer;
import dev.anneal.worker.train.gan.ImageQuality;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a GAN trial: the trial's parameters become {@link GanSettings}, the two-sample test's
 * accuracy becomes its distance from chance (so that, like MMD, smaller is better and it can be
 * an objective), and the best epoch's generator and {@value #SAMPLES} rows it generated, in the
 * dataset's own units, become the trial's model. An image GAN whose job names a label column is
 * also scored by {@link ImageJudges the job's quality classifier}.
 */
final class GanTrials {

    static final int SAMPLES = 1000;
    static final String C2ST_ACCURACY = "val_c2st_accuracy";

    private GanTrials() {}

    static TrainingResult train(PreparedData data, JobSpec spec, TrialParams p, long seed, TrainingMonitor monitor) {
        int batchSize = Math.min(p.getInt(BATCH_SIZE), data.trainX().length);
        GanSettings settings = new GanSettings(
                p.getDouble(GENERATOR_LEARNING_RATE),
                p.getDouble(DISCRIMINATOR_LEARNING_RATE),
                p.getInt(LATENT_SIZE),
                p.getInt(UNITS),
                p.getInt(HIDDEN_LAYERS),
                p.getDouble(DROPOUT),
                p.getDouble(LABEL_SMOOTHING),
                batchSize,
                p.getInt(EPOCHS),
                p.getString(OPTIMIZER),
                p.getDouble(MOMENTUM),
                p.getDouble(WEIGHT_DECAY),
                p.getDouble(GRADIENT_CLIPPING),
                p.getDouble(L1),
                p.getString(LR_SCHEDULE),
                (data.trainX().length + batchSize - 1) / batchSize,
                p.getInt(FILTERS),
                spec.model().input());
        ImageQuality images = ImageJudges.forData(data, spec);
        GanResult result =
                GanTrainer.train(data.trainX(), data.validationX(), settings, images, seed, new TrainingMonitor() {
                    @Override
                    public boolean stopRequested() {
                        return monitor.stopRequested();
                    }

                    @Override
                    public boolean afterEpoch(int epoch, Map<String, Double> metrics) {
                        return monitor.afterEpoch(epoch, withDistanceFromChance(metrics));
                    }
                });
        if (result instanceof GanResult.Finished f) {
            return new TrainingResult.Finished(
                    f.curve().stream().map(GanTrials::withDistanceFromChance).toList(),
                    List.of(),
                    new TrainedModel(
                            TrainedModel.GAN_GENERATOR,
                            f.generator().toZip(),
                            RowDecoder.toCsv(
                                    data.record().features(), f.generator().sample(SAMPLES, seed))),
                    false);
        }
        if (result instanceof GanResult.Diverged d) {
            return new TrainingResult.Diverged(d.epoch(), d.detail());
        }
        return new TrainingResult.Stopped(((GanResult.Stopped) result).epochsTrained());
    }

    private static Map<String, Double> withDistanceFromChance(Map<String, Double> metrics) {
        Map<String, Double> out = new LinkedHashMap<>(metrics);
        Double accuracy = metrics.get(GanTrainer.VAL_C2ST);
        if (accuracy != null) {
            out.put(ObjectiveMetrics.VAL_C2ST, Math.abs(accuracy - 0.5));
            out.put(C2ST_ACCURACY, accuracy);
        }
        return out;
    }
}
