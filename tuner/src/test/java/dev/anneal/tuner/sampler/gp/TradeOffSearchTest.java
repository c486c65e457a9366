package dev.anneal.tuner.sampler.gp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.tuner.pareto.Hypervolume;
import dev.anneal.tuner.sampler.RandomSampler;
import dev.anneal.tuner.sampler.Sampler;
import dev.anneal.tuner.sampler.TrialSeeds;
import dev.anneal.tuner.space.FloatDistribution;
import dev.anneal.tuner.space.SearchSpace;
import dev.anneal.tuner.study.Direction;
import dev.anneal.tuner.study.StudyView;
import dev.anneal.tuner.study.TrialView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class TradeOffSearchTest {

    static final SearchSpace SQUARE = SearchSpace.of(
            new FloatDistribution("x", 0, 1, false, null), new FloatDistribution("y", 0, 1, false, null));

    /** Two quadratics pulling towards opposite corners: the front is the diagonal between them. */
    static List<Double> twoBowls(Map<String, Object> p) {
        double x = (double) p.get("x");
        double y = (double) p.get("y");
        return List.of(x * x + y * y, (x - 1) * (x - 1) + (y - 1) * (y - 1));
    }

    @Test
    void expectedHypervolumeImprovementBeatsRandomOnTwoObjectives() {
        double bayesian = 0;
        double random = 0;
        for (long seed = 1; seed <= 3; seed++) {
            bayesian +=
                    hypervolume(new GpSampler(SQUARE, seed), seed, 30, List.of(Direction.MINIMIZE, Direction.MINIMIZE));
            random += hypervolume(new RandomSampler(), seed, 30, List.of(Direction.MINIMIZE, Direction.MINIMIZE));
        }
        assertThat(bayesian).isGreaterThan(random);
    }

    @Test
    void aMaximizedObjectiveIsTurnedAround() {
        // maximizing the negated second bowl is the same trade-off
        double gap = hypervolume(new GpSampler(SQUARE, 1), 1, 30, List.of(Direction.MINIMIZE, Direction.MAXIMIZE));
        double random = hypervolume(new RandomSampler(), 1, 30, List.of(Direction.MINIMIZE, Direction.MAXIMIZE));
        assertThat(gap).isGreaterThan(random);
    }

    @Test
    void constrainedSearchFindsTheOptimumOnTheBoundaryWithoutWanderingIntoTheInfeasible() {
        // minimize x^2 + y^2 where x + y >= 1.2: the optimum 0.72 lies on the boundary at (0.6, 0.6),
        // and the unconstrained one, (0, 0), deep in the infeasible region
        Function<Map<String, Object>, Double> constraint = p -> 1.2 - (double) p.get("x") - (double) p.get("y");
        GpSampler sampler = new GpSampler(SQUARE, 3);
        List<TrialView> history = new ArrayList<>();
        double worstViolationAfterDesign = 0;
        for (int n = 0; n < 30; n++) {
            StudyView study = new StudyView(SQUARE, Direction.MINIMIZE, history);
            Map<String, Object> p =
                    sampler.sample(study, n, TrialSeeds.forTrial(3, n)).orElseThrow();
            double x = (double) p.get("x");
            double y = (double) p.get("y");
            double c = constraint.apply(p);
            history.add(TrialView.completed(n, p, List.of(x * x + y * y), List.of(c)));
            if (n >= GpSampler.initialDesignSize(2) + 3) {
                worstViolationAfterDesign = Math.max(worstViolationAfterDesign, c);
            }
        }
        // suggestions hug the boundary from either side, never near the unconstrained optimum
        assertThat(worstViolationAfterDesign).isLessThan(0.05);
        double best = history.stream()
                .filter(TrialView::feasible)
                .mapToDouble(t -> t.values().get(0))
                .min()
                .orElseThrow();
        assertThat(best).isLessThan(0.725);
    }

    @Test
    void pendingTrialsPushParallelSuggestionsApart() {
        GpSampler sampler = new GpSampler(SQUARE, 4);
        List<TrialView> history = new ArrayList<>();
        for (int n = 0; n < 12; n++) {
            Map<String, Object> p = sampler.sample(
                            new StudyView(SQUARE, List.of(Direction.MINIMIZE, Direction.MINIMIZE), history),
                            n,
                            TrialSeeds.forTrial(4, n))
                    .orElseThrow();
            history.add(TrialView.completed(n, p, twoBowls(p), List.of()));
        }
        StudyView study = new StudyView(SQUARE, List.of(Direction.MINIMIZE, Direction.MINIMIZE), history);
        Map<String, Object> first =
                sampler.sample(study, 12, TrialSeeds.forTrial(4, 12)).orElseThrow();
        StudyView withPending = study.with(new TrialView(12, TrialView.Status.PENDING, first, OptionalDouble.empty()));
        Map<String, Object> second =
                sampler.sample(withPending, 13, TrialSeeds.forTrial(4, 12)).orElseThrow();
        double dx = (double) first.get("x") - (double) second.get("x");
        double dy = (double) first.get("y") - (double) second.get("y");
        assertThat(Math.hypot(dx, dy)).isGreaterThan(0.02);
    }

    private static double hypervolume(Sampler sampler, long seed, int trials, List<Direction> directions) {
        List<TrialView> history = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        for (int n = 0; n < trials; n++) {
            Map<String, Object> p = sampler.sample(
                            new StudyView(SQUARE, directions, history), n, TrialSeeds.forTrial(seed, n))
                    .orElseThrow();
            List<Double> f = twoBowls(p);
            double second = directions.get(1) == Direction.MAXIMIZE ? -f.get(1) : f.get(1);
            history.add(TrialView.completed(n, p, List.of(f.get(0), second), List.of()));
            points.add(new double[] {f.get(0), f.get(1)});
        }
        return Hypervolume.of(points.toArray(double[][]::new), new double[] {2.5, 2.5});
    }
}
