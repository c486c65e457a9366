package dev.anneal.worker.train;

import static dev.anneal.worker.train.Hyperparameters.BATCH_SIZE;
import static dev.anneal.worker.train.Hyperparameters.EPOCHS;

import dev.anneal.worker.prepare.PreparedData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains an MLP epoch by epoch: shuffle, fit every mini-batch, evaluate on the validation split,
 * report, repeat. Driving epochs here (rather than with DL4J listeners) keeps stopping, divergence
 * and reporting in one readable loop.
 */
public final class MlpTrainer {

    private MlpTrainer() {}

    /**
     * @param seed fixes initialization, dropout and shuffling: the same data, parameters and seed
     *     give the same curve on one machine (with one ND4J thread per trial)
     */
    public static TrainingResult train(PreparedData data, TrialParams params, long seed, TrainingMonitor monitor) {
        boolean classification = data.isClassification();
        MultiLayerNetwork net = MlpNetworkFactory.build(
                data.inputWidth(), classification ? data.classCount() : 1, classification, params, seed);
        DataSet train = new DataSet(Nd4j.create(data.trainX()), Nd4j.create(data.trainY()));
        INDArray validationX = Nd4j.create(data.validationX());
        int batchSize = Math.min(params.getInt(BATCH_SIZE), data.trainX().length);
        int epochs = params.getInt(EPOCHS);
        List<Map<String, Double>> curve = new ArrayList<>();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            train.shuffle(seed * 31 + epoch);
            double lossSum = 0;
            int batches = 0;
            for (DataSet batch : train.batchBy(batchSize)) {
                if (monitor.stopRequested()) {
                    return new TrainingResult.Stopped(epoch - 1);
                }
                net.fit(batch);
                lossSum += net.score();
                batches++;
            }
            double trainLoss = lossSum / batches;
            if (!Double.isFinite(trainLoss)) {
                return new TrainingResult.Diverged(epoch, "training loss became " + trainLoss);
            }
            Map<String, Double> metrics = EpochEvaluator.evaluate(net, validationX, data, trainLoss);
            String nonFinite = firstNonFinite(metrics);
            if (nonFinite != null) {
                return new TrainingResult.Diverged(epoch, nonFinite + " became " + metrics.get(nonFinite));
            }
            curve.add(metrics);
            if (!monitor.afterEpoch(epoch, metrics)) {
                return new TrainingResult.Stopped(epoch);
            }
        }
        return new TrainingResult.Finished(curve);
    }

    private static String firstNonFinite(Map<String, Double> metrics) {
        return metrics.entrySet().stream()
                .filter(e -> !Double.isFinite(e.getValue()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }
}
