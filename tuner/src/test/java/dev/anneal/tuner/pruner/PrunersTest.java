package dev.anneal.tuner.pruner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anneal.tuner.study.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrunersTest {

    @Test
    void noneNeverJudges() {
        Pruner none = Pruners.create(PrunerSettings.NONE, 1);
        Report awful = new Report(5, 1, 0.0, 0.0, 10, Direction.MAXIMIZE, List.of(new Report.Peer(0, true, 1.0)));
        assertThat(none.judge(awful)).isEqualTo(Verdict.NO_JUDGEMENT);
        assertThat(Pruners.create(null, 1).judge(awful)).isEqualTo(Verdict.NO_JUDGEMENT);
    }

    @Test
    void createsEachTypeWithItsDefaults() {
        assertThat(Pruners.create(new PrunerSettings("asha", null, null, null, null, null), 1))
                .isInstanceOf(AshaPruner.class);
        assertThat(Pruners.create(new PrunerSettings("median", null, null, null, null, null), 1))
                .isInstanceOf(MedianPruner.class);
        assertThat(Pruners.create(new PrunerSettings("hyperband", null, null, 27, null, null), 1))
                .isInstanceOf(HyperbandPruner.class);
    }

    @Test
    void namesTheSettingAtFault() {
        assertThatThrownBy(() -> Pruners.create(new PrunerSettings("hyperband", 1, 3, null, null, null), 1))
                .isInstanceOfSatisfying(
                        InvalidPrunerSettingsException.class,
                        e -> assertThat(e.setting()).isEqualTo("maxEpochs"));
        assertThatThrownBy(() -> Pruners.create(new PrunerSettings("hyperband", 10, 3, 5, null, null), 1))
                .hasMessage("must be >= minEpochs (10), but was 5");
        assertThatThrownBy(() -> Pruners.create(new PrunerSettings("bogus", null, null, null, null, null), 1))
                .isInstanceOfSatisfying(
                        InvalidPrunerSettingsException.class,
                        e -> assertThat(e.setting()).isEqualTo("type"));
    }
}
