package dev.anneal.tuner.sampler.tpe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.tuner.space.FloatDistribution;
import dev.anneal.tuner.space.SearchSpace;
import dev.anneal.tuner.space.UnitSpace;
import dev.anneal.tuner.study.Direction;
import dev.anneal.tuner.study.StudyView;
import dev.anneal.tuner.study.TrialView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The good/bad split of studies with several objectives or with constraints. Trial i sits at x =
 * i / 100, so the split's rows say which trials it took.
 */
class MultiObjectiveSplitTest {

    static final SearchSpace LINE = SearchSpace.of(new FloatDistribution("x", 0, 1, false, null));
    static final UnitSpace UNIT = new UnitSpace(LINE);
    static final List<Direction> TWO = List.of(Direction.MINIMIZE, Direction.MINIMIZE);

    static TrialView trial(int number, List<Double> values, List<Double> constraints) {
        return TrialView.completed(number, Map.of("x", number / 100.0), values, constraints);
    }

    static Set<Integer> numbers(double[][] rows) {
        return Arrays.stream(rows).map(r -> (int) Math.round(r[0] * 100)).collect(Collectors.toSet());
    }

    @Test
    void aFrontSmallerThanGammaIsGoodWholeAndTheNextFrontFillsUpByHypervolume() {
        // 30 trials: gamma = 3. Front: trials 0 and 1. Second front: 2..6 on a line from (1, 5) to
        // (5, 1); everything else far behind
        List<TrialView> trials = new ArrayList<>();
        trials.add(trial(0, List.of(0.0, 0.5), List.of()));
        trials.add(trial(1, List.of(0.5, 0.0), List.of()));
        for (int i = 2; i <= 6; i++) {
            trials.add(trial(i, List.of(i - 1.0, 7.0 - i), List.of()));
        }
        for (int i = 7; i < 30; i++) {
            trials.add(trial(i, List.of(10.0 + i, 10.0 + i), List.of()));
        }
        TrialSplit split = TrialSplit.of(new StudyView(LINE, TWO, trials), UNIT);
        assertThat(split.below()).hasNumberOfRows(3);
        assertThat(numbers(split.below())).contains(0, 1);
        // of the second front (1, 5) .. (5, 1) under the reference (5.5, 5.5), the middle (3, 3)
        // dominates the largest box
        assertThat(numbers(split.below())).containsExactlyInAnyOrder(0, 1, 4);
        assertThat(split.above()).hasNumberOfRows(27);
    }

    @Test
    void theFrontIsExactlyTheGoodSetWhenItHasGammaPoints() {
        // 25 trials: gamma = 3, and the front (maximizing the second objective) has three points
        List<Direction> mixed = List.of(Direction.MINIMIZE, Direction.MAXIMIZE);
        List<TrialView> trials = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 25; i++) {
            boolean front = i == 3 || i == 11 || i == 19;
            double f1 = front ? i / 25.0 : 1 + rng.nextDouble();
            double f2 = front ? 10 + i / 25.0 : rng.nextDouble();
            trials.add(trial(i, List.of(f1, f2), List.of()));
        }
        TrialSplit split = TrialSplit.of(new StudyView(LINE, mixed, trials), UNIT);
        assertThat(numbers(split.below())).containsExactlyInAnyOrder(3, 11, 19);
    }

    @Test
    void infeasibleTrialsAreGoodOnlyWhenEveryFeasibleOneIs() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int round = 0; round < 200; round++) {
            int n = 5 + rng.nextInt(60);
            List<TrialView> trials = new ArrayList<>();
            Set<Integer> infeasible = new java.util.HashSet<>();
            for (int i = 0; i < n; i++) {
                // infeasible trials get the better objectives, to tempt a split that ignores them
                boolean ok = rng.nextDouble() < 0.3 + 0.6 * (round % 3) / 2.0;
                double shift = ok ? 1 : 0;
                double violation = ok ? -rng.nextDouble() : 0.01 + rng.nextDouble();
                trials.add(trial(i, List.of(shift + rng.nextDouble(), shift + rng.nextDouble()), List.of(violation)));
                if (!ok) {
                    infeasible.add(i);
                }
            }
            TrialSplit split = TrialSplit.of(new StudyView(LINE, TWO, trials), UNIT);
            Set<Integer> below = numbers(split.below());
            Set<Integer> above = numbers(split.above());
            boolean feasibleAbove = above.stream().anyMatch(i -> !infeasible.contains(i));
            boolean infeasibleBelow = below.stream().anyMatch(infeasible::contains);
            assertThat(feasibleAbove && infeasibleBelow)
                    .as("round %d: below %s, infeasible %s", round, below, infeasible)
                    .isFalse();
            assertThat(below).hasSize(TrialSplit.gamma(n));
        }
    }

    @Test
    void infeasibleTrialsFillUpBySmallestViolation() {
        // one feasible trial, gamma(25) = 3: then the two least violating
        List<TrialView> trials = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            trials.add(trial(i, List.of(1.0 * i, 1.0 * i), List.of(i == 20 ? -1.0 : Math.abs(i - 10) + 0.5)));
        }
        TrialSplit split = TrialSplit.of(new StudyView(LINE, TWO, trials), UNIT);
        assertThat(numbers(split.below())).containsExactlyInAnyOrder(20, 10, 9);
    }

    @Test
    void aSingleObjectiveWithConstraintsPutsFeasibleTrialsFirst() {
        // values fall with the trial number but only even trials are feasible: the best three
        // feasible ones are good, never the better infeasible ones
        List<TrialView> trials = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            trials.add(trial(i, List.of(100.0 - i), List.of(i % 2 == 0 ? 0.0 : 1.0)));
        }
        TrialSplit split = TrialSplit.of(new StudyView(LINE, Direction.MINIMIZE, trials), UNIT);
        assertThat(numbers(split.below())).containsExactlyInAnyOrder(24, 26, 28);
        // without constraints, the same values give the best three outright
        List<TrialView> plain = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            plain.add(
                    new TrialView(i, TrialView.Status.COMPLETE, Map.of("x", i / 100.0), OptionalDouble.of(100.0 - i)));
        }
        TrialSplit unconstrained = TrialSplit.of(new StudyView(LINE, Direction.MINIMIZE, plain), UNIT);
        assertThat(numbers(unconstrained.below())).containsExactlyInAnyOrder(27, 28, 29);
    }

    @Test
    void pendingAndIncompleteTrialsAreNeverGood() {
        List<TrialView> trials = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            trials.add(trial(i, List.of(1.0 + i, 30.0 - i), List.of()));
        }
        trials.add(new TrialView(20, TrialView.Status.PENDING, Map.of("x", 0.2), OptionalDouble.empty()));
        // a completed trial that reported only one of two objectives says nothing
        trials.add(TrialView.completed(21, Map.of("x", 0.21), List.of(0.0), List.of()));
        trials.add(new TrialView(22, TrialView.Status.FAILED, Map.of("x", 0.22), OptionalDouble.empty()));
        TrialSplit split = TrialSplit.of(new StudyView(LINE, TWO, trials), UNIT);
        assertThat(numbers(split.below())).hasSize(2).doesNotContain(20, 21, 22);
        assertThat(numbers(split.above())).contains(20).doesNotContain(21, 22);
    }
}
