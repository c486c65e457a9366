package dev.anneal.tuner.sampler.qmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.anneal.tuner.sampler.Sampler;
import dev.anneal.tuner.sampler.SamplerContractTest;
import dev.anneal.tuner.space.SearchSpace;
import org.junit.jupiter.api.Test;

class SobolSamplerTest extends SamplerContractTest {

    @Override
    protected Sampler newSampler(SearchSpace space) {
        return new SobolSampler(space, 42);
    }

    @Override
    protected Sampler newSampler(SearchSpace space, long jobSeed) {
        return new SobolSampler(space, jobSeed);
    }

    @Test
    void everyDyadicIntervalGetsItsShare() {
        // the defining property of a (t, s)-sequence in base 2, which scrambling preserves: the
        // first 2^k points put exactly 2^(k-m) points in each interval of width 2^-m per axis
        SobolSequence sobol = new SobolSequence(5, 7);
        int[][] counts = new int[5][16];
        for (int n = 0; n < 256; n++) {
            double[] p = sobol.point(n);
            for (int d = 0; d < 5; d++) {
                assertThat(p[d]).isBetween(0.0, 1.0);
                counts[d][(int) (p[d] * 16)]++;
            }
        }
        for (int[] axis : counts) {
            assertThat(axis).containsOnly(16);
        }
    }

    @Test
    void pairsOfAxesAreEvenlyCovered() {
        SobolSequence sobol = new SobolSequence(2, 3);
        int[][] cells = new int[8][8];
        for (int n = 0; n < 64; n++) {
            double[] p = sobol.point(n);
            cells[(int) (p[0] * 8)][(int) (p[1] * 8)]++;
        }
        for (int[] row : cells) {
            assertThat(row).containsOnly(1);
        }
    }

    @Test
    void seedsGiveDifferentSequencesAndTheOriginIsNotFirst() {
        double[] a = new SobolSequence(3, 1).point(0);
        double[] b = new SobolSequence(3, 2).point(0);
        assertThat(a).isNotEqualTo(b);
        assertThat(a[0]).isNotCloseTo(0.0, within(1e-9));
        assertThat(new SobolSequence(3, 1).point(5)).isEqualTo(new SobolSequence(3, 1).point(5));
    }
}
