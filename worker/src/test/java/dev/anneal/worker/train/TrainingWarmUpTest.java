package dev.anneal.worker.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.worker.config.Nd4jThreads;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class TrainingWarmUpTest {

    @Test
    void trainsThroughTheTrialPathAndLeavesNoWorkspacesOnItsThread() {
        Nd4jThreads.limit(1);
        assertThat(TrainingWarmUp.run()).isPositive();
        assertThat(Nd4j.getWorkspaceManager().getAllWorkspacesForCurrentThread())
                .isEmpty();
    }
}
