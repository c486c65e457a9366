package dev.anneal.tuner.sampler.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BandwidthsTest {

    @Test
    void scottWidthIsOptunasUnlessTheObservationsCluster() {
        double optuna = 0.2 * Math.pow(4, -1.0 / 7);
        double[] spread = {0.0, 0.33, 0.66, 1.0};
        double[] clustered = {0.50, 0.51, 0.52, 0.53};
        assertThat(Bandwidths.scott(spread, 3, false)).isCloseTo(optuna, within(1e-15));
        assertThat(Bandwidths.scott(clustered, 3, false)).isCloseTo(optuna, within(1e-15));
        // spread wider than uniform draws: capped at Optuna's width
        assertThat(Bandwidths.scott(spread, 3, true)).isCloseTo(optuna, within(1e-15));
        // standard deviation 0.0129 against 0.289 for uniform draws
        assertThat(Bandwidths.scott(clustered, 3, true))
                .isCloseTo(optuna * 0.012909944 / Math.sqrt(1.0 / 12), within(1e-9));
        // one observation has no spread to measure
        assertThat(Bandwidths.scott(new double[] {0.5}, 3, true)).isEqualTo(0.2);
    }

    @Test
    void neighbourWidthsFollowOptuna() {
        // sorted with the prior 0.5 and the ends: 0, 0.1, 0.2, 0.5, 0.9, 1
        double[] w = Bandwidths.neighbours(new double[] {0.9, 0.1, 0.2}, false, true);
        // without endpoints the outermost kernels take their inner gap only
        assertThat(w[1]).isCloseTo(0.1, within(1e-12));
        assertThat(w[2]).isCloseTo(0.3, within(1e-12));
        assertThat(w[0]).isCloseTo(0.4, within(1e-12));
        double[] withEnds = Bandwidths.neighbours(new double[] {0.9, 0.1, 0.2}, true, true);
        assertThat(withEnds[1]).isCloseTo(0.1, within(1e-12));
        assertThat(withEnds[0]).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void neighbourWidthsWithoutThePriorCentreFollowOptuna4() {
        // sorted with the ends only: 0, 0.1, 0.2, 0.9, 1; 0.2's wider gap is now 0.7, up to 0.9
        double[] w = Bandwidths.neighbours(new double[] {0.9, 0.1, 0.2}, false, false);
        assertThat(w[1]).isCloseTo(0.1, within(1e-12));
        assertThat(w[2]).isCloseTo(0.7, within(1e-12));
        assertThat(w[0]).isCloseTo(0.7, within(1e-12));
        // a lone observation: the larger distance to an end
        assertThat(Bandwidths.neighbours(new double[] {0.3}, false, false)).containsExactly(0.7);
        assertThat(Bandwidths.neighbours(new double[0], false, false)).isEmpty();
    }

    @Test
    void magicClipKeepsWidthsBetweenAxisOverNPlusTwoAndTheAxis() {
        assertThat(Bandwidths.clip(0.001, 3, true)).isEqualTo(0.2);
        assertThat(Bandwidths.clip(0.001, 500, true)).isEqualTo(0.01);
        assertThat(Bandwidths.clip(3, 3, true)).isEqualTo(1.0);
        assertThat(Bandwidths.clip(0.001, 3, false)).isEqualTo(0.001);
    }
}
