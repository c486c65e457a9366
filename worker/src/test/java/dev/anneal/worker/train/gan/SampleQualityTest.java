package dev.anneal.worker.train.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sample quality measures on synthetic Gaussian rows whose answer is known. */
class SampleQualityTest {

    @Test
    void sameDistributionScoresAsIndistinguishable() {
        float[][] real = gaussian(300, 3, 0, 1);
        float[][] generated = gaussian(300, 3, 0, 2);

        // unbiased, so it may come out slightly negative
        assertThat(SampleQuality.mmd(real, generated)).isCloseTo(0, within(0.01));
        assertThat(SampleQuality.c2st(real, generated)).isCloseTo(0.5, within(0.07));
    }

    @Test
    void shiftedDistributionScoresAsDifferent() {
        float[][] real = gaussian(300, 3, 0, 1);
        float[][] shifted = gaussian(300, 3, 3, 2);

        assertThat(SampleQuality.mmd(real, shifted)).isGreaterThan(0.5);
        assertThat(SampleQuality.c2st(real, shifted)).isGreaterThan(0.95);
    }

    @Test
    void collapsedSamplesAreEasyToTellApart() {
        float[][] real = gaussian(300, 3, 0, 1);
        // every generated row at the real mean: plausible rows, but no spread (mode collapse)
        float[][] collapsed = new float[300][3];

        assertThat(SampleQuality.c2st(real, collapsed)).isGreaterThan(0.85);
        assertThat(SampleQuality.mmd(real, collapsed)).isGreaterThan(0.05);
    }

    @Test
    void largeSetsAreSubsampledTheSameWayEveryTime() {
        float[][] real = gaussian(1200, 2, 0, 1);
        float[][] generated = gaussian(900, 2, 0.5, 2);
        var quality = new SampleQuality(real);

        assertThat(quality.realRows()).isEqualTo(SampleQuality.MAX_ROWS);
        assertThat(quality.mmd(generated)).isEqualTo(SampleQuality.mmd(real, generated));
        assertThat(quality.c2st(generated)).isEqualTo(SampleQuality.c2st(real, generated));
    }

    /** {@code rows} draws from N(mean·1, I) in {@code width} dimensions (Box-Muller). */
    static float[][] gaussian(int rows, int width, double mean, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] out = new float[rows][width];
        for (float[] row : out) {
            for (int c = 0; c < width; c++) {
                double radius = Math.sqrt(-2 * Math.log(1 - random.nextDouble()));
                row[c] = (float) (mean + radius * Math.cos(2 * Math.PI * random.nextDouble()));
            }
        }
        return out;
    }
}
