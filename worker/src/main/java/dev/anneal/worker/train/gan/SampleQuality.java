package dev.anneal.worker.train.gan;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How close generated rows are to real ones, by two sample-based measures that need no model of
 * either distribution. Both see at most {@value #MAX_ROWS} rows per side: larger sets are
 * subsampled without replacement by a {@link SplittableRandom} with a fixed seed, so the same
 * rows always give the same numbers and the quadratic cost stays bounded (about 250,000 pairs).
 *
 * <p>An instance holds one real (validation) set and caches what depends on it alone, the kernel
 * bandwidth and the real-real kernel mean, so scoring a generator after every epoch costs only the
 * terms that involve generated rows.
 */
public final class SampleQuality {

    /** Rows per side beyond which a set is subsampled. */
    public static final int MAX_ROWS = 500;

    private static final long SUBSAMPLE_SEED = 0x5EED_CAFEL;

    private final float[][] real;
    private final double gamma;
    private final double realKernelMean;

    /** @param realRows at least 2 rows of equal width */
    public SampleQuality(float[][] realRows) {
        if (realRows.length < 2) {
            throw new IllegalArgumentException("need at least 2 real rows, got " + realRows.length);
        }
        real = subsample(realRows);
        double bandwidth = medianPairwiseDistance(real);
        // identical rows have no spread to measure; any positive bandwidth then gives mmd 0 for
        // identical generated rows, 1 is as good as any
        double sigma = bandwidth > 0 ? bandwidth : 1;
        gamma = 1 / (2 * sigma * sigma);
        realKernelMean = withinMean(real);
    }

    /** {@link #mmd(float[][])} of {@code generated} against {@code real}. */
    public static double mmd(float[][] real, float[][] generated) {
        return new SampleQuality(real).mmd(generated);
    }

    /** {@link #c2st(float[][])} of {@code generated} against {@code real}. */
    public static double c2st(float[][] real, float[][] generated) {
        return new SampleQuality(real).c2st(generated);
    }

    /** Real rows used after subsampling: generating this many rows uses every one of them. */
    public int realRows() {
        return real.length;
    }

    /**
     * Unbiased estimate of the squared maximum mean discrepancy (Gretton et al. 2012, eq. 3)
     * between the real rows X (m of them) and the generated rows Y (n of them):
     *
     * <pre>
     * MMD²_u = 1/(m(m-1)) Σ_{i≠j} k(x_i, x_j) + 1/(n(n-1)) Σ_{i≠j} k(y_i, y_j) - 2/(mn) Σ_{i,j} k(x_i, y_j)
     * </pre>
     *
     * with the Gaussian kernel {@code k(a, b) = exp(-‖a - b‖² / (2σ²))}, σ being the median
     * Euclidean distance over all pairs of distinct real rows (the median heuristic). It is 0 in
     * expectation when both sets come from the same distribution (and then slightly negative about
     * half the time, since it is unbiased), grows as they differ, and cannot exceed 2. Lower is
     * better.
     *
     * @param generated at least 2 rows of the real rows' width
     */
    public double mmd(float[][] generated) {
        if (generated.length < 2) {
            throw new IllegalArgumentException("need at least 2 generated rows, got " + generated.length);
        }
        float[][] fake = subsample(generated);
        double cross = 0;
        for (float[] x : real) {
            for (float[] y : fake) {
                cross += kernel(x, y);
            }
        }
        cross /= (double) real.length * fake.length;
        return realKernelMean + withinMean(fake) - 2 * cross;
    }

    /**
     * Classifier two-sample test accuracy (Lopez-Paz &amp; Oquab 2017) with a leave-one-out
     * 1-nearest-neighbour classifier: pool k real and k generated rows, k being the smaller of the
     * two (subsampled) set sizes so that chance is exactly one half; label each pooled row by the
     * side of its nearest other pooled row (Euclidean distance, ties to the earlier row, real rows
     * first); report the fraction labelled correctly. 0.5 means the generated rows cannot be told
     * from the real ones; 1 means every row's nearest neighbour is from its own side, as with
     * shifted or collapsed samples. Values a little below 0.5 are chance.
     *
     * @param generated at least 1 row of the real rows' width
     */
    public double c2st(float[][] generated) {
        float[][] fake = subsample(generated);
        int k = Math.min(real.length, fake.length);
        float[][] pooled = new float[2 * k][];
        System.arraycopy(real, 0, pooled, 0, k);
        System.arraycopy(fake, 0, pooled, k, k);
        int correct = 0;
        for (int i = 0; i < pooled.length; i++) {
            int nearest = -1;
            double nearestDistance = Double.POSITIVE_INFINITY;
            for (int j = 0; j < pooled.length; j++) {
                double distance = j == i ? Double.POSITIVE_INFINITY : squaredDistance(pooled[i], pooled[j]);
                if (distance < nearestDistance) {
                    nearestDistance = distance;
                    nearest = j;
                }
            }
            if (nearest >= 0 && (nearest < k) == (i < k)) {
                correct++;
            }
        }
        return (double) correct / pooled.length;
    }

    private double withinMean(float[][] rows) {
        double sum = 0;
        for (int i = 0; i < rows.length; i++) {
            for (int j = i + 1; j < rows.length; j++) {
                sum += kernel(rows[i], rows[j]);
            }
        }
        // each unordered pair stands for both (i, j) and (j, i)
        return 2 * sum / ((double) rows.length * (rows.length - 1));
    }

    private double kernel(float[] a, float[] b) {
        return Math.exp(-gamma * squaredDistance(a, b));
    }

    private static double medianPairwiseDistance(float[][] rows) {
        double[] distances = new double[rows.length * (rows.length - 1) / 2];
        int p = 0;
        for (int i = 0; i < rows.length; i++) {
            for (int j = i + 1; j < rows.length; j++) {
                distances[p++] = Math.sqrt(squaredDistance(rows[i], rows[j]));
            }
        }
        Arrays.sort(distances);
        int mid = distances.length / 2;
        return distances.length % 2 == 1 ? distances[mid] : (distances[mid - 1] + distances[mid]) / 2;
    }

    private static double squaredDistance(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("rows of width " + a.length + " and " + b.length);
        }
        double sum = 0;
        for (int c = 0; c < a.length; c++) {
            double diff = a[c] - b[c];
            sum += diff * diff;
        }
        return sum;
    }

    /** At most {@link #MAX_ROWS} of {@code rows}, chosen by a seeded partial Fisher-Yates shuffle. */
    private static float[][] subsample(float[][] rows) {
        if (rows.length <= MAX_ROWS) {
            return rows;
        }
        float[][] copy = rows.clone();
        SplittableRandom random = new SplittableRandom(SUBSAMPLE_SEED);
        for (int i = 0; i < MAX_ROWS; i++) {
            int j = i + random.nextInt(copy.length - i);
            float[] swap = copy[i];
            copy[i] = copy[j];
            copy[j] = swap;
        }
        return Arrays.copyOf(copy, MAX_ROWS);
    }
}
