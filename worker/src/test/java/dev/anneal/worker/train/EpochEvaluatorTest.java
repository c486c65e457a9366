package dev.anneal.worker.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EpochEvaluatorTest {

    @Test
    void macroF1AveragesPerClassF1() {
        // class 0: tp 2, fn 1, fp 0 -> F1 0.8; class 1: tp 1, fn 0, fp 1 -> F1 2/3
        int[][] confusion = {{2, 1}, {0, 1}};

        assertThat(EpochEvaluator.macroF1(confusion)).isCloseTo((0.8 + 2.0 / 3) / 2, within(1e-12));
    }

    @Test
    void aucCountsRankedPairsAndHalvesTies() {
        float[][] p = {{0.9f, 0.1f}, {0.6f, 0.4f}, {0.6f, 0.4f}, {0.2f, 0.8f}};
        int[] classes = {0, 0, 1, 1};
        // positive pairs: (0.4 vs 0.1) win, (0.4 vs 0.4) tie, (0.8 vs both) win -> 3.5 of 4

        assertThat(EpochEvaluator.auc(p, classes)).isCloseTo(3.5 / 4, within(1e-12));
    }
}
