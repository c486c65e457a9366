package dev.anneal.tuner.sampler.gp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.tuner.sampler.RandomSampler;
import dev.anneal.tuner.sampler.Sampler;
import dev.anneal.tuner.sampler.SamplerContractTest;
import dev.anneal.tuner.sampler.TrialSeeds;
import dev.anneal.tuner.space.FloatDistribution;
import dev.anneal.tuner.space.IntDistribution;
import dev.anneal.tuner.space.SearchSpace;
import dev.anneal.tuner.study.Direction;
import dev.anneal.tuner.study.StudyView;
import dev.anneal.tuner.study.TrialView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class GpSamplerTest extends SamplerContractTest {

    @Override
    protected Sampler newSampler(SearchSpace space) {
        return new GpSampler(space, 42);
    }

    @Override
    protected Sampler newSampler(SearchSpace space, long jobSeed) {
        return new GpSampler(space, jobSeed);
    }

    static final SearchSpace QUADRATIC = SearchSpace.of(
            new FloatDistribution("a", -5, 5, false, null),
            new FloatDistribution("b", 1e-3, 1e1, true, null),
            new IntDistribution("c", 0, 20, false, 1));

    static double quadratic(Map<String, Object> p) {
        double a = (double) p.get("a") - 1.3;
        double b = Math.log10((double) p.get("b")) + 1;
        double c = ((long) p.get("c") - 7) / 5.0;
        return a * a + b * b + c * c;
    }

    static double bestAfter(Sampler sampler, int trials, long seed, ToDoubleFunction<Map<String, Object>> f) {
        List<TrialView> history = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (int n = 0; n < trials; n++) {
            Map<String, Object> p = sampler.sample(
                            new StudyView(QUADRATIC, Direction.MINIMIZE, history), n, TrialSeeds.forTrial(seed, n))
                    .orElseThrow();
            double y = f.applyAsDouble(p);
            best = Math.min(best, y);
            history.add(new TrialView(n, TrialView.Status.COMPLETE, p, OptionalDouble.of(y)));
        }
        return best;
    }

    @Test
    void findsAQuadraticsMinimumFarBetterThanRandomSearch() {
        for (long seed = 1; seed <= 3; seed++) {
            double gp = bestAfter(new GpSampler(QUADRATIC, seed), 30, seed, GpSamplerTest::quadratic);
            double random = bestAfter(new RandomSampler(), 30, seed, GpSamplerTest::quadratic);
            assertThat(gp).as("seed %d", seed).isLessThan(0.01).isLessThan(random / 10);
        }
    }

    @Test
    void maximizingIsMinimizingTheNegation() {
        List<TrialView> history = new ArrayList<>();
        Sampler sampler = new GpSampler(QUADRATIC, 4);
        double best = Double.NEGATIVE_INFINITY;
        for (int n = 0; n < 30; n++) {
            Map<String, Object> p = sampler.sample(
                            new StudyView(QUADRATIC, Direction.MAXIMIZE, history), n, TrialSeeds.forTrial(4, n))
                    .orElseThrow();
            double y = -quadratic(p);
            best = Math.max(best, y);
            history.add(new TrialView(n, TrialView.Status.COMPLETE, p, OptionalDouble.of(y)));
        }
        assertThat(best).isGreaterThan(-0.01);
    }

    @Test
    void skipsTheInitialDesignWhenTheStudyAlreadyHoldsResults() {
        // a warm start: twelve results exist before trial 0, more than the five-point design of
        // three dimensions needs, so the design is skipped and trial 0 is already model-based
        List<TrialView> earlier = new ArrayList<>();
        RandomSampler random = new RandomSampler();
        for (int n = 0; n < 12; n++) {
            Map<String, Object> p = random.sample(
                            new StudyView(QUADRATIC, Direction.MINIMIZE, List.of()), n, TrialSeeds.forTrial(9, n))
                    .orElseThrow();
            earlier.add(new TrialView(-1 - n, TrialView.Status.COMPLETE, p, OptionalDouble.of(quadratic(p))));
        }
        // trials 0-4 would be the design; each must be what the model proposes instead. The
        // model's choice does not depend on the trial's number, so the same history sampled as
        // trial 40 (long past the design) gives the model's point to compare with.
        List<TrialView> history = new ArrayList<>(earlier);
        GpSampler sampler = new GpSampler(QUADRATIC, 9);
        for (int n = 0; n < GpSampler.initialDesignSize(3); n++) {
            StudyView warm = new StudyView(QUADRATIC, Direction.MINIMIZE, history);
            Map<String, Object> p =
                    sampler.sample(warm, n, TrialSeeds.forTrial(9, n)).orElseThrow();
            Map<String, Object> modelBased = new GpSampler(QUADRATIC, 9)
                    .sample(warm, 40, TrialSeeds.forTrial(9, n))
                    .orElseThrow();
            Map<String, Object> designPoint = new GpSampler(QUADRATIC, 9)
                    .sample(new StudyView(QUADRATIC, Direction.MINIMIZE, List.of()), n, TrialSeeds.forTrial(9, n))
                    .orElseThrow();
            assertThat(p).as("trial %d", n).isEqualTo(modelBased).isNotEqualTo(designPoint);
            history.add(new TrialView(n, TrialView.Status.COMPLETE, p, OptionalDouble.of(quadratic(p))));
        }
    }
}
