package dev.anneal.worker.train.gan;

import dev.anneal.spec.catalog.ObjectiveMetrics;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How good an image GAN's samples look to a classifier trained on the real images (an {@link
 * ImageClassifier}): one instance per job's data, shared by its trials, holding the classifier
 * and the statistics of the real validation images' features. Each call scores {@value #SAMPLES}
 * generated images:
 *
 * <ul>
 *   <li>{@code val_fid}: {@link FrechetDistance} between the classifier's penultimate-layer
 *       features of the validation images (at most {@value #SAMPLES}) and of the samples; 0 for
 *       identical distributions, lower is better;
 *   <li>{@code val_confidence}: the mean over samples of the classifier's top class probability,
 *       1 when every sample is unmistakably some class;
 *   <li>{@code val_coverage}: the smallest share of the samples any class gets as top class, 1/K
 *       at best for K classes, 0 when some class is never drawn (mode collapse).
 * </ul>
 *
 * <p>Scoring is synchronized: trials of one job may share an instance, and a DL4J network runs
 * one forward pass at a time.
 */
public final class ImageQuality {

    /** Generated images per score, and at most as many validation images for the reference features. */
    public static final int SAMPLES = 1000;

    private final ImageClassifier classifier;
    private final FrechetDistance real;

    /** @param validationRows real images not used to train the classifier, at least 2 */
    public ImageQuality(ImageClassifier classifier, float[][] validationRows) {
        this.classifier = classifier;
        this.real = new FrechetDistance(classifier.score(spread(validationRows)).features());
    }

    /**
     * At most {@value #SAMPLES} rows, evenly spaced: a dataset sorted by class (as MNIST's file is)
     * keeps that order in its validation split, and its first rows would hold only a few classes.
     */
    public static float[][] spread(float[][] rows) {
        if (rows.length <= SAMPLES) {
            return rows;
        }
        float[][] picked = new float[SAMPLES][];
        for (int i = 0; i < SAMPLES; i++) {
            picked[i] = rows[(int) ((long) i * rows.length / SAMPLES)];
        }
        return picked;
    }

    /** @param generated at least 2 generated images, as rows of pixels in [0, 1] */
    public synchronized Map<String, Double> score(float[][] generated) {
        ImageClassifier.Scores scores = classifier.score(generated);
        int[] counts = new int[classifier.classes()];
        double confidence = 0;
        for (float[] p : scores.probabilities()) {
            int top = 0;
            for (int c = 1; c < p.length; c++) {
                if (p[c] > p[top]) {
                    top = c;
                }
            }
            counts[top]++;
            confidence += p[top];
        }
        int n = generated.length;
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put(ObjectiveMetrics.VAL_FID, real.to(scores.features()));
        metrics.put(ObjectiveMetrics.VAL_CONFIDENCE, confidence / n);
        metrics.put(
                ObjectiveMetrics.VAL_COVERAGE,
                (double) Arrays.stream(counts).min().orElse(0) / n);
        return metrics;
    }
}
