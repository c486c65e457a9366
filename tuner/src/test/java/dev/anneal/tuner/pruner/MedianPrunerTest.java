package dev.anneal.tuner.pruner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.tuner.study.Direction;
import org.junit.jupiter.api.Test;

class MedianPrunerTest {

    private static Curves threeCompleted() {
        return new Curves(Direction.MAXIMIZE)
                .completed(0.5, 0.7, 0.80)
                .completed(0.4, 0.6, 0.70)
                .completed(0.6, 0.8, 0.90)
                // a running trial's values never set the median
                .running(0.1, 0.1, 0.1);
    }

    @Test
    void prunesATrialWhoseBestSoFarIsWorseThanTheMedianOfCompletedTrials() {
        MedianPruner median = new MedianPruner(3, 0);
        Verdict v = median.judge(threeCompleted().report(2, 3, 0.45, 0.55));
        assertThat(v.prune()).isTrue();
        assertThat(v.reason()).isEqualTo("median step 2: best 0.55 worse than median 0.7 of 3 completed trials");

        // the best value so far counts, not the last one
        Verdict dipped = median.judge(threeCompleted().report(2, 3, 0.72, 0.5));
        assertThat(dipped.prune()).isFalse();
        assertThat(dipped.reason())
                .isEqualTo("median step 2: best 0.72 not worse than median 0.7 of 3 completed trials");
    }

    @Test
    void waitsForWarmUpTrialsAndSteps() {
        Verdict fewTrials = new MedianPruner(4, 0).judge(threeCompleted().report(2, 3, 0.0, 0.0));
        assertThat(fewTrials.prune()).isFalse();
        assertThat(fewTrials.reason())
                .isEqualTo("median step 2: warming up, 3 of 4 completed trials reached this step");

        assertThat(new MedianPruner(1, 3).judge(threeCompleted().report(2, 3, 0.0, 0.0)))
                .isEqualTo(Verdict.NO_JUDGEMENT);
        assertThat(new MedianPruner(1, 3)
                        .judge(threeCompleted().report(3, 4, 0.0, 0.0, 0.0))
                        .prune())
                .isTrue();
    }

    @Test
    void evenCountsTakeTheMeanOfTheMiddleTwoAndMinimizingPrunesLargeValues() {
        Curves job = new Curves(Direction.MINIMIZE)
                .completed(1.0)
                .completed(2.0)
                .completed(3.0)
                .completed(4.0);
        MedianPruner median = new MedianPruner(0, 0);
        assertThat(median.judge(job.report(1, 5, 2.6)).prune()).isTrue();
        assertThat(median.judge(job.report(1, 5, 2.5)).prune()).isFalse();
    }
}
