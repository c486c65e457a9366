package dev.anneal.worker.train.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.anneal.spec.JobSpec.ImageShape;
import org.junit.jupiter.api.Test;

class AugmentersTest {

    static final ImageShape SHAPE = new ImageShape(1, 8, 8);

    /** Bright left half, dark right half. */
    static float[] leftBright() {
        float[] image = new float[64];
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 4; c++) {
                image[r * 8 + c] = 1f;
            }
        }
        return image;
    }

    static boolean leftStaysBrighter(float[] image) {
        double left = 0;
        double right = 0;
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < 8; c++) {
                if (c < 4) {
                    left += image[r * 8 + c];
                } else {
                    right += image[r * 8 + c];
                }
            }
        }
        return left > right;
    }

    @Test
    void imagesAreNeverMirroredUnlessFlipsAreAllowed() {
        var noFlips = new ImageAugmenter(SHAPE, 0.05, false, 1);
        var flips = new ImageAugmenter(SHAPE, 0.05, true, 1);
        int mirrored = 0;
        for (int i = 0; i < 100; i++) {
            float[] a = leftBright();
            noFlips.augment(a);
            assertThat(leftStaysBrighter(a)).isTrue();
            float[] b = leftBright();
            flips.augment(b);
            mirrored += leftStaysBrighter(b) ? 0 : 1;
        }
        assertThat(mirrored).isBetween(30, 70);
    }

    @Test
    void imageAugmentationIsSeededAndChangesTheImage() {
        float[] a = leftBright();
        float[] b = leftBright();
        new ImageAugmenter(SHAPE, 1.0, false, 7).augment(a);
        new ImageAugmenter(SHAPE, 1.0, false, 7).augment(b);

        assertThat(a).containsExactly(b);
        assertThat(a).isNotEqualTo(leftBright());
    }

    @Test
    void tabularNoiseSparesOneHotInputsAndMixupKeepsLabelsDistributions() {
        float[][] x = {{1, 0, 1, 0}, {-1, 1, 0, 0}, {0.5f, 0, 0, 1}};
        float[][] y = {{1, 0}, {0, 1}, {1, 0}};
        boolean[] numeric = {true, false, false, false};

        new TabularAugmenter(numeric, 1.0, 0.4, 3).augment(x, y);

        for (int i = 0; i < x.length; i++) {
            assertThat(y[i][0] + y[i][1]).isCloseTo(1f, within(1e-5f));
            float oneHot = x[i][1] + x[i][2] + x[i][3];
            // blended one-hot groups still sum to 1; noise never touched them
            assertThat(oneHot).isCloseTo(1f, within(1e-5f));
        }
    }
}
