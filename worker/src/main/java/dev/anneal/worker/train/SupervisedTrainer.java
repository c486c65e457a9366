package dev.anneal.worker.train;

import static dev.anneal.worker.train.Hyperparameters.BATCH_SIZE;
import static dev.anneal.worker.train.Hyperparameters.EARLY_STOPPING;
import static dev.anneal.worker.train.Hyperparameters.EPOCHS;

import dev.anneal.tuner.random.Permutations;
import dev.anneal.worker.config.TrialMemory;
import dev.anneal.worker.prepare.PreparedData;
import dev.anneal.worker.train.augment.BatchAugmenter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a supervised network (mlp, cnn, lstm) epoch by epoch: shuffle, fit every (augmented)
 * mini-batch, evaluate on validation, report, repeat. With k-fold validation, the k networks
 * train side by side and each epoch reports the mean over folds, so pruning and early stopping
 * judge the cross-validated value. Driving epochs here (rather than with DL4J listeners) keeps
 * stopping, divergence, early stopping and reporting in one readable loop.
 */
public final class SupervisedTrainer {

    private SupervisedTrainer() {}

    /**
     * @param folds one prepared split per fold (one for holdout)
     * @param seed fixes initialization, dropout, shuffling and augmentation: the same data,
     *     parameters and seed give the same curve on one machine (with one ND4J thread per trial)
     */
    public static TrainingResult train(
            List<PreparedData> folds, TrainingSpec spec, TrialParams params, long seed, TrainingMonitor monitor) {
        int epochs = params.getInt(EPOCHS);
        int patience = params.getInt(EARLY_STOPPING);
        List<FoldRun> runs = new ArrayList<>();
        for (int f = 0; f < folds.size(); f++) {
            runs.add(new FoldRun(folds.get(f), spec, params, seed + f * 0x9E3779B97F4A7C15L));
        }
        var objective = spec.objective();
        List<Map<String, Double>> curve = new ArrayList<>();
        List<double[]> foldValues = new ArrayList<>();
        int bestEpoch = 0;
        double bestValue = Double.NaN;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            List<Map<String, Double>> perFold = new ArrayList<>();
            for (FoldRun run : runs) {
                Double loss = run.trainEpoch(epoch, monitor);
                if (loss == null) {
                    return new TrainingResult.Stopped(epoch - 1);
                }
                if (!Double.isFinite(loss)) {
                    return new TrainingResult.Diverged(epoch, "training loss became " + loss);
                }
                monitor.epochTrained(epoch);
                perFold.add(run.evaluate(loss));
            }
            Map<String, Double> metrics = mean(perFold);
            String nonFinite = firstNonFinite(metrics);
            if (nonFinite != null) {
                return new TrainingResult.Diverged(epoch, nonFinite + " became " + metrics.get(nonFinite));
            }
            curve.add(metrics);
            if (runs.size() > 1) {
                foldValues.add(perFold.stream()
                        .mapToDouble(m -> m.get(objective.metric()))
                        .toArray());
            }
            double value = metrics.get(objective.metric());
            boolean improved = bestEpoch == 0 || (objective.maximize() ? value > bestValue : value < bestValue);
            // the model is the best epoch's network; with objective.epoch "last", simply the final one
            if (improved && !objective.useLastEpoch()) {
                runs.get(0).keepCurrentWeights();
            }
            if (improved) {
                bestEpoch = epoch;
                bestValue = value;
            }
            if (!monitor.afterEpoch(epoch, metrics)) {
                return new TrainingResult.Stopped(epoch);
            }
            if (patience > 0 && epoch - bestEpoch >= patience && epoch < epochs) {
                return new TrainingResult.Finished(
                        curve, foldValues, runs.get(0).modelZip(), true);
            }
        }
        return new TrainingResult.Finished(curve, foldValues, runs.get(0).modelZip(), false);
    }

    private static Map<String, Double> mean(List<Map<String, Double>> perFold) {
        if (perFold.size() == 1) {
            return perFold.get(0);
        }
        Map<String, Double> mean = new LinkedHashMap<>();
        for (String key : perFold.get(0).keySet()) {
            mean.put(
                    key, perFold.stream().mapToDouble(m -> m.get(key)).average().orElseThrow());
        }
        return mean;
    }

    private static String firstNonFinite(Map<String, Double> metrics) {
        return metrics.entrySet().stream()
                .filter(e -> !Double.isFinite(e.getValue()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    /** One fold's network, data and shuffling state. */
    private static final class FoldRun {

        private final PreparedData data;
        private final SupervisedModel model;
        private final MultiLayerNetwork net;
        private final INDArray validationX;
        private final INDArray trainX;
        private final INDArray trainY;
        private final int batchSize;
        private final SplittableRandom shuffle;
        private final int[] order;
        private INDArray keptWeights;

        FoldRun(PreparedData data, TrainingSpec spec, TrialParams params, long seed) {
            this.data = data;
            int rows = data.trainX().length;
            this.batchSize = Math.min(params.getInt(BATCH_SIZE), rows);
            this.model = SupervisedModel.build(spec, data, params, seed, (rows + batchSize - 1) / batchSize);
            this.net = model.network();
            this.validationX = model.shape().toInput(data.validationX());
            this.trainX = Nd4j.create(data.trainX());
            this.trainY = Nd4j.create(data.trainY());
            this.shuffle = new SplittableRandom(seed * 31 + 7);
            this.order = new int[rows];
            for (int i = 0; i < rows; i++) {
                order[i] = i;
            }
        }

        /** @return the epoch's mean training loss, or {@code null} if a stop was requested */
        Double trainEpoch(int epoch, TrainingMonitor monitor) {
            Permutations.shuffle(order, shuffle);
            double lossSum = 0;
            int batches = 0;
            for (int start = 0; start < order.length; start += batchSize) {
                if (monitor.stopRequested()) {
                    return null;
                }
                int[] rows = Arrays.copyOfRange(order, start, Math.min(order.length, start + batchSize));
                if (model.augmenter() == BatchAugmenter.NONE) {
                    // one native gather per batch: building DataSets or arrays row by row in Java
                    // costs more than the step itself for small networks
                    net.fit(model.shape().toInput(Nd4j.pullRows(trainX, 1, rows)), Nd4j.pullRows(trainY, 1, rows));
                } else {
                    fitAugmented(rows);
                }
                lossSum += net.score(); // computed by fit, so free
                batches++;
                TrialMemory.collectIfGrown();
            }
            return lossSum / batches;
        }

        /** Augmentation changes rows in place, so it works on copies, never on the shared data. */
        private void fitAugmented(int[] rows) {
            float[][] x = new float[rows.length][];
            float[][] y = new float[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                x[i] = data.trainX()[rows[i]].clone();
                y[i] = data.trainY()[rows[i]].clone();
            }
            model.augmenter().augment(x, y);
            net.fit(model.shape().toInput(x), Nd4j.create(y));
        }

        Map<String, Double> evaluate(double trainLoss) {
            return EpochEvaluator.evaluate(net.output(validationX, false), data, trainLoss);
        }

        void keepCurrentWeights() {
            keptWeights = net.params().dup();
        }

        /** The network with the kept weights, as a DL4J model zip (without updater state). */
        TrainedModel modelZip() {
            if (keptWeights != null) {
                net.setParams(keptWeights);
            }
            try (var out = new ByteArrayOutputStream()) {
                ModelSerializer.writeModel(net, out, false);
                return new TrainedModel(TrainedModel.NETWORK, out.toByteArray(), null);
            } catch (IOException e) {
                throw new UncheckedIOException("could not serialize the trained network", e);
            }
        }
    }
}
