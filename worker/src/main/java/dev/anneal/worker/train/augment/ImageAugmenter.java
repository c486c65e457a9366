package dev.anneal.worker.train.augment;

import dev.anneal.spec.JobSpec.ImageShape;
import java.util.SplittableRandom;

/**
 * Random geometric and noise changes of images, scaled by one strength s in [0, 1]: a shift of
 * up to {@code round(0.15 s)} of each side (at least one pixel when s > 0), a rotation of up to
 * {@code 15 s} degrees, Gaussian noise of standard deviation {@code 0.1 s} (in scaled units) and,
 * only when the job allows it, a left-right flip half of the time. Pixels moved in from outside
 * the image take the image's smallest value (its background).
 */
public final class ImageAugmenter implements BatchAugmenter {

    static final double MAX_SHIFT_FRACTION = 0.15;
    static final double MAX_DEGREES = 15;
    static final double MAX_NOISE = 0.1;

    private final ImageShape shape;
    private final double strength;
    private final boolean flips;
    private final SplittableRandom random;

    public ImageAugmenter(ImageShape shape, double strength, boolean flips, long seed) {
        this.shape = shape;
        this.strength = strength;
        this.flips = flips;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void augment(float[][] x, float[][] y) {
        for (float[] image : x) {
            augment(image);
        }
    }

    void augment(float[] image) {
        int h = shape.height();
        int w = shape.width();
        int maxDy = Math.max(1, (int) Math.round(MAX_SHIFT_FRACTION * strength * h));
        int maxDx = Math.max(1, (int) Math.round(MAX_SHIFT_FRACTION * strength * w));
        int dy = random.nextInt(-maxDy, maxDy + 1);
        int dx = random.nextInt(-maxDx, maxDx + 1);
        double angle = Math.toRadians((random.nextDouble() * 2 - 1) * MAX_DEGREES * strength);
        boolean flip = flips && random.nextBoolean();
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double cy = (h - 1) / 2.0;
        double cx = (w - 1) / 2.0;
        float[] source = image.clone();
        int plane = h * w;
        for (int c = 0; c < shape.channels(); c++) {
            float background = Float.POSITIVE_INFINITY;
            for (int i = 0; i < plane; i++) {
                background = Math.min(background, source[c * plane + i]);
            }
            for (int r = 0; r < h; r++) {
                for (int col = 0; col < w; col++) {
                    // inverse mapping: where in the source does this output pixel come from
                    double yy = r - dy - cy;
                    double xx = (flip ? w - 1 - col : col) - dx - cx;
                    int sr = (int) Math.round(cos * yy + sin * xx + cy);
                    int sc = (int) Math.round(-sin * yy + cos * xx + cx);
                    float v = sr >= 0 && sr < h && sc >= 0 && sc < w ? source[c * plane + sr * w + sc] : background;
                    image[c * plane + r * w + col] = v + (float) (random.nextGaussian() * MAX_NOISE * strength);
                }
            }
        }
    }
}
