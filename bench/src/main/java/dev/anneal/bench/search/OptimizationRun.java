package dev.anneal.bench.search;

import dev.anneal.tuner.sampler.Sampler;
import dev.anneal.tuner.sampler.Samplers;
import dev.anneal.tuner.sampler.TrialSeeds;
import dev.anneal.tuner.study.Direction;
import dev.anneal.tuner.study.StudyView;
import dev.anneal.tuner.study.TrialView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One optimization of a test function by one sampler and seed, driven exactly as the scheduler
 * drives a job: trial n's random stream comes from the seed and n, and with {@code inFlight > 1}
 * new suggestions are made while earlier ones are still pending (finished oldest first).
 */
final class OptimizationRun {

    private OptimizationRun() {}

    /** Simple regret after each of {@code budgets} completed evaluations. */
    static double[] regrets(BenchFunction function, String algorithm, long seed, int[] budgets, int inFlight) {
        Sampler sampler = Samplers.create(algorithm, function.space(), seed);
        int maxBudget = budgets[budgets.length - 1];
        List<TrialView> trials = new ArrayList<>();
        Deque<Integer> pending = new ArrayDeque<>();
        double best = Double.POSITIVE_INFINITY;
        double[] regrets = new double[budgets.length];
        int issued = 0;
        int completed = 0;
        int next = 0;
        while (completed < maxBudget) {
            while (pending.size() < inFlight && issued < maxBudget) {
                StudyView study = new StudyView(function.space(), Direction.MINIMIZE, trials);
                Map<String, Object> params = sampler.sample(study, issued, TrialSeeds.forTrial(seed, issued))
                        .orElseThrow(() -> new IllegalStateException(algorithm + " ran out of suggestions"));
                trials.add(new TrialView(issued, TrialView.Status.PENDING, params, OptionalDouble.empty()));
                pending.add(issued);
                issued++;
            }
            int number = pending.poll();
            TrialView t = trials.get(number);
            double y = function.value(t.params());
            trials.set(number, new TrialView(number, TrialView.Status.COMPLETE, t.params(), OptionalDouble.of(y)));
            best = Math.min(best, y);
            completed++;
            if (next < budgets.length && completed == budgets[next]) {
                regrets[next++] = function.regret(best);
            }
        }
        return regrets;
    }
}
