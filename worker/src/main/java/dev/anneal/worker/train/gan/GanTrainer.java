package dev.anneal.worker.train.gan;

import dev.anneal.spec.catalog.ObjectiveMetrics;
import dev.anneal.worker.config.TrialMemory;
import dev.anneal.worker.train.MatrixRows;
import dev.anneal.worker.train.TrainingMonitor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a GAN on rows of normalized features, epoch by epoch: shuffle, one {@link
 * AdversarialPair#step adversarial step} per mini-batch of real rows, score the generator, report,
 * repeat.
 *
 * <p>The generator is scored on one fixed noise matrix, drawn once with as many rows as {@link
 * SampleQuality} keeps of the validation set, so epoch-to-epoch changes in the metrics come from
 * the generator, not from the noise.
 */
public final class GanTrainer {

    public static final String LOSS = "loss";
    public static final String D_LOSS = "d_loss";
    public static final String VAL_MMD = "val_mmd";
    public static final String VAL_C2ST = "val_c2st";

    private GanTrainer() {}

    /**
     * Every epoch reports, in this order: {@code loss}, the generator's mean loss over the epoch's
     * steps; {@code d_loss}, the discriminator's; {@code val_mmd}, {@link SampleQuality#mmd}; and
     * {@code val_c2st}, {@link SampleQuality#c2st}, both of the generated rows against the
     * validation rows.
     *
     * @param trainRows normalized feature rows to imitate, all of one width d ≥ 1
     * @param validationRows held-out rows of the same width, at least 2, to score samples against
     * @param seed fixes initialization, noise, dropout and shuffling: the same rows, settings and
     *     seed give the same curve on one machine (with one ND4J thread)
     * @return {@link GanResult.Finished} with the generator of the epoch with the lowest {@code
     *     val_mmd}, or how training ended early
     */
    public static GanResult train(
            float[][] trainRows, float[][] validationRows, GanSettings s, long seed, TrainingMonitor monitor) {
        return train(trainRows, validationRows, s, null, seed, monitor);
    }

    /**
     * As {@link #train(float[][], float[][], GanSettings, long, TrainingMonitor)}, and when {@code
     * images} is given (an image GAN whose dataset has class labels) every epoch also reports
     * {@code val_fid}, {@code val_confidence} and {@code val_coverage} of {@value
     * ImageQuality#SAMPLES} generated images, and the kept generator is that of the epoch with the
     * lowest {@code val_fid}.
     */
    public static GanResult train(
            float[][] trainRows,
            float[][] validationRows,
            GanSettings s,
            ImageQuality images,
            long seed,
            TrainingMonitor monitor) {
        int width = trainRows[0].length;
        SampleQuality quality = new SampleQuality(validationRows);
        String selection = images != null ? ObjectiveMetrics.VAL_FID : VAL_MMD;
        // independent streams for each use of randomness, all fixed by the one seed
        SplittableRandom seeds = new SplittableRandom(seed);
        var pair = new AdversarialPair(width, s, seeds.nextLong(), seeds.nextLong());
        MultiLayerNetwork best = GanNetworks.generator(width, s);
        DataSet train = new DataSet(
                Nd4j.create(trainRows),
                Nd4j.valueArrayOf(new long[] {trainRows.length, 1}, 1 - s.labelSmoothing(), DataType.FLOAT));
        int batchSize = Math.min(s.batchSize(), trainRows.length);
        long shuffleSeed = seeds.nextLong();
        List<Map<String, Double>> curve = new ArrayList<>();
        int bestEpoch = 0;
        try (var noise = new LatentNoise(seeds.nextLong(), s.latentSize())) {
            INDArray evaluationNoise = noise.next(
                    images != null ? Math.max(ImageQuality.SAMPLES, quality.realRows()) : quality.realRows());
            // DL4J draws dropout masks from the thread's global ND4J generator. Building a network
            // seeds it, yet without seeding it again here two runs with the same seed were measured
            // to differ once dropout was on.
            Nd4j.getRandom().setSeed(seeds.nextLong());
            for (int epoch = 1; epoch <= s.epochs(); epoch++) {
                train.shuffle(shuffleSeed + epoch);
                double generatorLoss = 0;
                double discriminatorLoss = 0;
                int steps = 0;
                for (DataSet batch : train.batchBy(batchSize)) {
                    if (monitor.stopRequested()) {
                        return new GanResult.Stopped(epoch - 1);
                    }
                    AdversarialPair.Losses losses = pair.step(batch, noise);
                    if (!Double.isFinite(losses.generator()) || !Double.isFinite(losses.discriminator())) {
                        return new GanResult.Diverged(
                                epoch, "loss became " + losses.generator() + ", d_loss " + losses.discriminator());
                    }
                    generatorLoss += losses.generator();
                    discriminatorLoss += losses.discriminator();
                    steps++;
                    TrialMemory.collectIfGrown();
                }
                float[][] generated = MatrixRows.of(pair.generate(evaluationNoise));
                Map<String, Double> metrics = new LinkedHashMap<>();
                metrics.put(LOSS, generatorLoss / steps);
                metrics.put(D_LOSS, discriminatorLoss / steps);
                metrics.put(VAL_MMD, quality.mmd(generated));
                metrics.put(VAL_C2ST, quality.c2st(generated));
                if (images != null) {
                    metrics.putAll(images.score(generated));
                }
                if (!Double.isFinite(metrics.get(VAL_MMD))) {
                    return new GanResult.Diverged(epoch, "generated rows became non-finite");
                }
                if (bestEpoch == 0
                        || metrics.get(selection) < curve.get(bestEpoch - 1).get(selection)) {
                    bestEpoch = epoch;
                    pair.copyGeneratorInto(best);
                }
                curve.add(metrics);
                if (!monitor.afterEpoch(epoch, metrics)) {
                    return new GanResult.Stopped(epoch);
                }
            }
        }
        return new GanResult.Finished(curve, bestEpoch, new Generator(best));
    }
}
