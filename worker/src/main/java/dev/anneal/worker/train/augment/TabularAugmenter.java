package dev.anneal.worker.train.augment;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.Well19937c;

/**
 * Tabular augmentation: Gaussian noise of standard deviation {@code 0.5 s} (scaled units) on the
 * numeric inputs, and mixup (Zhang et al. 2018): each row is blended with another row of the
 * batch, labels alike, by a weight drawn from Beta(alpha, alpha). One-hot inputs get no noise,
 * because a blurred category is no category.
 */
public final class TabularAugmenter implements BatchAugmenter {

    static final double MAX_NOISE = 0.5;

    private final boolean[] numeric;
    private final double strength;
    private final BetaDistribution mixup;
    private final SplittableRandom random;

    /**
     * @param numeric which inputs are numeric (noise applies to them only)
     * @param mixupAlpha 0 turns mixup off
     */
    public TabularAugmenter(boolean[] numeric, double strength, double mixupAlpha, long seed) {
        this.numeric = numeric.clone();
        this.strength = strength;
        this.random = new SplittableRandom(seed);
        this.mixup = mixupAlpha > 0
                ? new BetaDistribution(new Well19937c(seed ^ 0x6d69787570L), mixupAlpha, mixupAlpha)
                : null;
    }

    @Override
    public void augment(float[][] x, float[][] y) {
        if (mixup != null && x.length > 1) {
            mix(x, y);
        }
        if (strength > 0) {
            for (float[] row : x) {
                for (int j = 0; j < row.length; j++) {
                    if (numeric[j]) {
                        row[j] += (float) (random.nextGaussian() * MAX_NOISE * strength);
                    }
                }
            }
        }
    }

    private void mix(float[][] x, float[][] y) {
        float[][] x0 = copy(x);
        float[][] y0 = copy(y);
        for (int i = 0; i < x.length; i++) {
            int j = random.nextInt(x.length);
            float lambda = (float) mixup.sample();
            blend(x[i], x0[i], x0[j], lambda);
            blend(y[i], y0[i], y0[j], lambda);
        }
    }

    private static void blend(float[] out, float[] a, float[] b, float lambda) {
        for (int k = 0; k < out.length; k++) {
            out[k] = lambda * a[k] + (1 - lambda) * b[k];
        }
    }

    private static float[][] copy(float[][] rows) {
        float[][] c = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i].clone();
        }
        return c;
    }
}
