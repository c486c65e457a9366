package dev.anneal.tuner.pareto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CrowdingDistanceTest {

    @Test
    void extremesAreInfiniteAndInnerPointsSumNormalizedGaps() {
        double[][] front = {{0, 4}, {1, 2}, {3, 1}, {4, 0}};
        double[] d = CrowdingDistance.of(front);
        assertThat(d[0]).isInfinite();
        assertThat(d[3]).isInfinite();
        // (1,2): gaps (3-0)/4 and (4-1)/4; (3,1): (4-1)/4 and (2-0)/4
        assertThat(d[1]).isEqualTo(1.5);
        assertThat(d[2]).isEqualTo(1.25);
    }
}
