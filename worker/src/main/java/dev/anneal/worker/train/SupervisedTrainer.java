package dev.anneal.worker.train;

import static dev.anneal.spec.catalog.Hyperparameters.BATCH_SIZE;
import static dev.anneal.spec.catalog.Hyperparameters.EARLY_STOPPING;
import static dev.anneal.spec.catalog.Hyperparameters.EPOCHS;

import dev.anneal.spec.JobSpec;
import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.tuner.random.Permutations;
import dev.anneal.worker.config.TrialMemory;
import dev.anneal.worker.prepare.PreparedData;
import dev.anneal.worker.train.augment.BatchAugmenter;
import dev.anneal.worker.train.dense.DenseStack;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
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

    /**
     * {@code -Danneal.train.dense-path=false} trains every network with DL4J's own {@code fit}, to
     * compare the two paths or to rule the dense path out.
     */
    static final boolean DENSE_PATH = !"false".equalsIgnoreCase(System.getProperty("anneal.train.dense-path"));

    /** Keeps the dropout masks' random stream apart from the shuffling stream of the same seed. */
    private static final long DROPOUT_STREAM = 0x5DEECE66DL;

    private SupervisedTrainer() {}

    /**
     * @param folds one prepared split per fold (one for holdout)
     * @param seed fixes initialization, dropout, shuffling and augmentation: the same data,
     *     parameters and seed give the same curve on one machine (with one ND4J thread per trial)
     */
    public static TrainingResult train(
            List<PreparedData> folds, JobSpec spec, TrialParams params, long seed, TrainingMonitor monitor) {
        List<FoldRun> runs = new ArrayList<>();
        try {
            for (int f = 0; f < folds.size(); f++) {
                runs.add(new FoldRun(folds.get(f), spec, params, seed + f * 0x9E3779B97F4A7C15L));
            }
            return train(runs, spec, params, monitor);
        } finally {
            runs.forEach(FoldRun::close);
        }
    }

    /**
     * The epoch loop over runs that train side by side (folds): stopping, divergence, early
     * stopping, the best epoch's weights and reporting, for any family whose run can train an
     * epoch and evaluate it.
     */
    public static TrainingResult train(
            List<? extends EpochRun> runs, JobSpec spec, TrialParams params, TrainingMonitor monitor) {
        long start = System.nanoTime();
        int epochs = params.getInt(EPOCHS);
        int patience = params.getInt(EARLY_STOPPING);
        var objective = spec.objective();
        List<Map<String, Double>> curve = new ArrayList<>();
        List<double[]> foldValues = new ArrayList<>();
        int bestEpoch = 0;
        double bestValue = Double.NaN;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            List<Map<String, Double>> perFold = new ArrayList<>();
            for (EpochRun run : runs) {
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
                return finished(runs.get(0), curve, foldValues, true, start);
            }
        }
        return finished(runs.get(0), curve, foldValues, false, start);
    }

    /** The kept network with its cost: training time up to now, the zip's size, the run's own measures. */
    private static TrainingResult.Finished finished(
            EpochRun run, List<Map<String, Double>> curve, List<double[]> foldValues, boolean early, long start) {
        TrainedModel model = run.modelZip();
        long trained = System.nanoTime();
        Map<String, Double> cost = run.cost();
        return new TrainingResult.Finished(
                curve,
                foldValues,
                model,
                early,
                cost.isEmpty() ? Map.of() : ModelCost.withSizeAndTime(cost, model, trained - start));
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
    private static final class FoldRun implements EpochRun {

        private final PreparedData data;
        private final SupervisedModel model;
        private final MultiLayerNetwork net;
        /** Trains {@link #net} in place where it can ({@link DenseStack}); null leaves it to DL4J's fit. */
        private final DenseStack dense;

        private final INDArray validationX;
        private final INDArray trainX;
        private final INDArray trainY;
        private final int batchSize;
        private final SplittableRandom shuffle;
        private final int[] order;
        private INDArray keptWeights;

        FoldRun(PreparedData data, JobSpec spec, TrialParams params, long seed) {
            this.data = data;
            int rows = data.trainX().length;
            this.batchSize = Math.min(params.getInt(BATCH_SIZE), rows);
            this.model = SupervisedModel.build(spec, data, params, seed, (rows + batchSize - 1) / batchSize);
            this.net = model.network();
            this.dense = model.shape() == InputShape.FLAT && DENSE_PATH
                    ? DenseStack.of(net, batchSize, seed ^ DROPOUT_STREAM).orElse(null)
                    : null;
            // the dense path reads the Java rows; only DL4J's fit needs them as ND4J arrays
            this.validationX = dense == null ? model.shape().toInput(data.validationX()) : null;
            this.trainX = dense == null ? Nd4j.create(data.trainX()) : null;
            this.trainY = dense == null ? Nd4j.create(data.trainY()) : null;
            this.shuffle = new SplittableRandom(seed * 31 + 7);
            this.order = new int[rows];
            for (int i = 0; i < rows; i++) {
                order[i] = i;
            }
        }

        @Override
        public Double trainEpoch(int epoch, TrainingMonitor monitor) {
            Permutations.shuffle(order, shuffle);
            double lossSum = 0;
            int batches = 0;
            for (int start = 0; start < order.length; start += batchSize) {
                if (monitor.stopRequested()) {
                    return null;
                }
                int end = Math.min(order.length, start + batchSize);
                if (model.augmenter() != BatchAugmenter.NONE) {
                    lossSum += fitAugmented(Arrays.copyOfRange(order, start, end));
                } else if (dense != null) {
                    lossSum += dense.fit(data.trainX(), data.trainY(), order, start, end);
                } else {
                    // one native gather per batch: building DataSets or arrays row by row in Java
                    // costs more than the step itself for small networks
                    int[] rows = Arrays.copyOfRange(order, start, end);
                    INDArray input = model.shape().toInput(Nd4j.pullRows(trainX, 1, rows));
                    net.fit(input, Nd4j.pullRows(trainY, 1, rows), model.shape().mask(input), null);
                    lossSum += net.score(); // computed by fit, so free
                }
                batches++;
                TrialMemory.collectIfGrown();
            }
            return lossSum / batches;
        }

        /** Augmentation changes rows in place, so it works on copies, never on the shared data. */
        private double fitAugmented(int[] rows) {
            float[][] x = new float[rows.length][];
            float[][] y = new float[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                x[i] = data.trainX()[rows[i]].clone();
                y[i] = data.trainY()[rows[i]].clone();
            }
            model.augmenter().augment(x, y);
            if (dense != null) {
                return dense.fit(x, y);
            }
            net.fit(model.shape().toInput(x), Nd4j.create(y));
            return net.score();
        }

        @Override
        public Map<String, Double> evaluate(double trainLoss) {
            if (dense != null) {
                return EpochEvaluator.evaluate(dense.output(data.validationX()), data, trainLoss);
            }
            return EpochEvaluator.evaluate(
                    MatrixRows.of(net.output(validationX, false, model.shape().mask(validationX), null)),
                    data,
                    trainLoss);
        }

        @Override
        public void keepCurrentWeights() {
            keptWeights = net.params().dup();
        }

        @Override
        public TrainedModel modelZip() {
            if (keptWeights != null) {
                net.setParams(keptWeights);
            }
            return new TrainedModel(TrainedModel.NETWORK, TrainedModel.zip(net), null);
        }

        /** Measured on the kept weights, which {@link #modelZip()} has restored. */
        @Override
        public Map<String, Double> cost() {
            return ModelCost.of(net, model.shape(), data.validationX());
        }

        @Override
        public void close() {
            if (dense != null) {
                dense.close();
            }
        }
    }
}
