package dev.anneal.tuner.pruner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anneal.tuner.study.Direction;
import org.junit.jupiter.api.Test;

class AshaPrunerTest {

    private final AshaPruner asha = new AshaPruner(1, 3, 0);

    @Test
    void rungsSitAtMinEpochsTimesPowersOfTheReductionFactor() {
        assertThat(asha.rungAt(1)).isZero();
        assertThat(asha.rungAt(2)).isEqualTo(-1);
        assertThat(asha.rungAt(3)).isEqualTo(1);
        assertThat(asha.rungAt(9)).isEqualTo(2);
        assertThat(asha.rungAt(27)).isEqualTo(3);
        assertThat(asha.rungAt(28)).isEqualTo(-1);
        assertThat(new AshaPruner(2, 2, 1).rungAt(4)).isZero();
        assertThat(new AshaPruner(2, 2, 1).rungAt(2)).isEqualTo(-1);
    }

    @Test
    void keepsTheTopThirdAtARungAndPrunesTheRest() {
        // six trials reached epoch 3 with 0.60 .. 0.85; the top-1/3 of seven values are the best two
        Curves job = new Curves(Direction.MAXIMIZE);
        double[] rung1 = {0.60, 0.65, 0.70, 0.75, 0.80, 0.85};
        for (double v : rung1) {
            job.running(0.5, 0.55, v);
        }

        Verdict bad = asha.judge(job.report(3, 10, 0.5, 0.6, 0.79));
        assertThat(bad.prune()).isTrue();
        assertThat(bad.reason()).isEqualTo("asha rung 1 (epoch 3): 0.79 below top-1/3 cutoff 0.8 of 7 trials");

        Verdict good = asha.judge(job.report(3, 10, 0.5, 0.6, 0.86));
        assertThat(good.prune()).isFalse();
        assertThat(good.reason())
                .isEqualTo("asha rung 1 (epoch 3): 0.86 within top-1/3 cutoff 0.85 of 7 trials, promoted");
    }

    @Test
    void judgesNothingBetweenRungsOrAtTheLastEpoch() {
        Curves job = new Curves(Direction.MAXIMIZE).completed(0.9, 0.9, 0.9, 0.9);
        assertThat(asha.judge(job.report(2, 4, 0.1, 0.1))).isEqualTo(Verdict.NO_JUDGEMENT);
        // epoch 3 is a rung, but the trial's last: stopping it there saves nothing
        assertThat(asha.judge(job.report(3, 3, 0.1, 0.1, 0.1))).isEqualTo(Verdict.NO_JUDGEMENT);
        assertThat(asha.judge(job.report(3, 4, 0.1, 0.1, 0.1)).prune()).isTrue();
    }

    @Test
    void theFirstTrialAtARungIsAlwaysPromotedAndFewerThanEtaKeepOnlyTheBest() {
        Curves empty = new Curves(Direction.MAXIMIZE);
        assertThat(asha.judge(empty.report(1, 10, 0.1)).prune()).isFalse();

        Curves one = new Curves(Direction.MAXIMIZE).running(0.5);
        assertThat(asha.judge(one.report(1, 10, 0.4)).prune()).isTrue();
        assertThat(asha.judge(one.report(1, 10, 0.5)).prune()).isFalse(); // a tie is kept
    }

    @Test
    void minimizingPrunesLargeLosses() {
        Curves job = new Curves(Direction.MINIMIZE).running(0.3).running(0.2).running(0.4);
        Verdict v = asha.judge(job.report(1, 10, 0.35));
        assertThat(v.prune()).isTrue();
        assertThat(v.reason()).isEqualTo("asha rung 0 (epoch 1): 0.35 above top-1/3 cutoff 0.2 of 4 trials");
        assertThat(asha.judge(job.report(1, 10, 0.1)).prune()).isFalse();
    }

    @Test
    void rejectsSettingsThatCannotWork() {
        assertThatThrownBy(() -> new AshaPruner(0, 3, 0))
                .isInstanceOf(InvalidPrunerSettingsException.class)
                .hasMessage("must be >= 1, but was 0");
        assertThatThrownBy(() -> new AshaPruner(1, 1, 0))
                .isInstanceOfSatisfying(
                        InvalidPrunerSettingsException.class,
                        e -> assertThat(e.setting()).isEqualTo("reductionFactor"));
    }
}
