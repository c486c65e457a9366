package dev.anneal.worker.train;

import dev.anneal.worker.prepare.PreparedData;
import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Scores a network on the validation split after an epoch. Losses are the plain data terms
 * (cross-entropy, or mean squared error on the standardized target) without regularization
 * penalties, so trials with different weight decay compare fairly; RMSE, MAE and R² are in the
 * target's own units.
 */
final class EpochEvaluator {

    private static final double PROBABILITY_FLOOR = 1e-12;

    private EpochEvaluator() {}

    static Map<String, Double> evaluate(
            MultiLayerNetwork net, INDArray validationX, PreparedData data, double trainLoss) {
        INDArray out = net.output(validationX, false);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(ObjectiveMetrics.LOSS, trainLoss);
        if (data.isClassification()) {
            classification(out, data.validationClasses(), metrics);
        } else {
            regression(out, data, metrics);
        }
        return metrics;
    }

    private static void classification(INDArray out, int[] classes, Map<String, Double> metrics) {
        float[][] p = out.toFloatMatrix();
        double logLoss = 0;
        int correct = 0;
        for (int i = 0; i < classes.length; i++) {
            int best = 0;
            for (int c = 1; c < p[i].length; c++) {
                if (p[i][c] > p[i][best]) {
                    best = c;
                }
            }
            if (best == classes[i]) {
                correct++;
            }
            logLoss -= Math.log(Math.max(PROBABILITY_FLOOR, p[i][classes[i]]));
        }
        metrics.put(ObjectiveMetrics.VAL_LOSS, logLoss / classes.length);
        metrics.put(ObjectiveMetrics.VAL_ACCURACY, (double) correct / classes.length);
    }

    private static void regression(INDArray out, PreparedData data, Map<String, Double> metrics) {
        float[] predicted = out.reshape(out.length()).toFloatVector();
        double[] actual = data.validationTargets();
        double mean = 0;
        for (double v : actual) {
            mean += v;
        }
        mean /= actual.length;
        double squared = 0;
        double absolute = 0;
        double total = 0;
        for (int i = 0; i < actual.length; i++) {
            double prediction = predicted[i] * data.targetScale() + data.targetMean();
            double error = prediction - actual[i];
            squared += error * error;
            absolute += Math.abs(error);
            total += (actual[i] - mean) * (actual[i] - mean);
        }
        double scale = data.targetScale();
        metrics.put(ObjectiveMetrics.VAL_LOSS, squared / actual.length / (scale * scale));
        metrics.put(ObjectiveMetrics.VAL_RMSE, Math.sqrt(squared / actual.length));
        metrics.put(ObjectiveMetrics.VAL_MAE, absolute / actual.length);
        metrics.put(ObjectiveMetrics.VAL_R2, total == 0 ? 0.0 : 1 - squared / total);
    }
}
