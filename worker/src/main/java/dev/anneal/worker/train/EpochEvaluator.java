package dev.anneal.worker.train;

import dev.anneal.spec.catalog.ObjectiveMetrics;
import dev.anneal.worker.prepare.PreparedData;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Scores a network's validation output after an epoch. Losses are the plain data terms
 * (cross-entropy, or mean squared error on the standardized target) without regularization
 * penalties, so trials with different weight decay compare fairly; RMSE, MAE and R² are in the
 * target's own units.
 */
final class EpochEvaluator {

    private static final double PROBABILITY_FLOOR = 1e-12;

    private EpochEvaluator() {}

    /** @param out the network's validation output, one row per validation row */
    static Map<String, Double> evaluate(float[][] out, PreparedData data, double trainLoss) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(ObjectiveMetrics.LOSS, trainLoss);
        if (data.isClassification()) {
            classification(out, data.validationClasses(), data.classCount(), metrics);
        } else {
            float[] predictions = new float[out.length];
            for (int i = 0; i < out.length; i++) {
                predictions[i] = out[i][0];
            }
            regression(predictions, data, metrics);
        }
        return metrics;
    }

    static void classification(float[][] p, int[] classes, int classCount, Map<String, Double> metrics) {
        double logLoss = 0;
        int correct = 0;
        int[][] confusion = new int[classCount][classCount];
        for (int i = 0; i < classes.length; i++) {
            int best = 0;
            for (int c = 1; c < p[i].length; c++) {
                if (p[i][c] > p[i][best]) {
                    best = c;
                }
            }
            confusion[classes[i]][best]++;
            if (best == classes[i]) {
                correct++;
            }
            logLoss -= Math.log(Math.max(PROBABILITY_FLOOR, p[i][classes[i]]));
        }
        metrics.put(ObjectiveMetrics.VAL_LOSS, logLoss / classes.length);
        metrics.put(ObjectiveMetrics.VAL_ACCURACY, (double) correct / classes.length);
        metrics.put(ObjectiveMetrics.VAL_F1, macroF1(confusion));
        if (classCount == 2) {
            metrics.put(ObjectiveMetrics.VAL_F1_POSITIVE, classF1(confusion, 1));
            metrics.put(ObjectiveMetrics.VAL_AUC, auc(p, classes));
        }
    }

    /** The unweighted mean of each class's F1; a class never predicted nor present counts as 0. */
    static double macroF1(int[][] confusion) {
        int k = confusion.length;
        double sum = 0;
        for (int c = 0; c < k; c++) {
            sum += classF1(confusion, c);
        }
        return sum / k;
    }

    /** One class's F1 (harmonic mean of its precision and recall); 0 if never predicted nor present. */
    static double classF1(int[][] confusion, int c) {
        int tp = confusion[c][c];
        int actual = Arrays.stream(confusion[c]).sum();
        int predicted = 0;
        for (int[] row : confusion) {
            predicted += row[c];
        }
        return actual + predicted == 0 ? 0 : 2.0 * tp / (actual + predicted);
    }

    /**
     * Area under the ROC curve of class 1's probability: the chance that a random positive scores
     * above a random negative (ties count half), by ranks in O(n log n).
     */
    static double auc(float[][] p, int[] classes) {
        Integer[] order = new Integer[classes.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Float.compare(p[a][1], p[b][1]));
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && p[order[j + 1]][1] == p[order[i]][1]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1; // average rank of the tie group
            for (int t = i; t <= j; t++) {
                if (classes[order[t]] == 1) {
                    positiveRankSum += rank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = classes.length - positives;
        if (positives == 0 || negatives == 0) {
            return 0.5;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    private static void regression(float[] predicted, PreparedData data, Map<String, Double> metrics) {
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
            double error = data.toTargetUnits(i, predicted[i]) - actual[i];
            squared += error * error;
            absolute += Math.abs(error);
            total += (actual[i] - mean) * (actual[i] - mean);
        }
        // val_loss is the training loss's own term on validation rows: the squared error on the
        // target as the network sees it (standardized; for a series, the scaled change against the
        // window's last value), so it compares with the training loss whatever the target encoding
        float[][] networkTargets = data.validationY();
        double networkSquared = 0;
        for (int i = 0; i < predicted.length; i++) {
            double error = predicted[i] - networkTargets[i][0];
            networkSquared += error * error;
        }
        metrics.put(ObjectiveMetrics.VAL_LOSS, networkSquared / predicted.length);
        metrics.put(ObjectiveMetrics.VAL_RMSE, Math.sqrt(squared / actual.length));
        metrics.put(ObjectiveMetrics.VAL_MAE, absolute / actual.length);
        metrics.put(ObjectiveMetrics.VAL_R2, total == 0 ? 0.0 : 1 - squared / total);
    }
}
