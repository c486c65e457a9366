package dev.anneal.bench.multiobjective;

import dev.anneal.tuner.pareto.Hypervolume;
import dev.anneal.tuner.sampler.Sampler;
import dev.anneal.tuner.sampler.Samplers;
import dev.anneal.tuner.sampler.TrialSeeds;
import dev.anneal.tuner.study.Direction;
import dev.anneal.tuner.study.StudyView;
import dev.anneal.tuner.study.TrialView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One sequential optimization of a problem by one sampler and seed, in-process, as the scheduler
 * drives a job (trial n's random stream from the seed and n): the hypervolume gap after each
 * budget and the time each suggestion took.
 */
final class MoRun {

    record Result(double[] gaps, double[] suggestSeconds) {}

    private MoRun() {}

    static Result run(MoProblem problem, String algorithm, long seed, int[] budgets) {
        Sampler sampler = Samplers.create(algorithm, problem.space(), seed);
        int max = budgets[budgets.length - 1];
        List<TrialView> trials = new ArrayList<>();
        List<double[]> feasible = new ArrayList<>();
        double[] gaps = new double[budgets.length];
        double[] seconds = new double[max];
        int next = 0;
        List<Direction> directions = List.of(Direction.MINIMIZE, Direction.MINIMIZE);
        for (int n = 0; n < max; n++) {
            StudyView study = new StudyView(problem.space(), directions, trials);
            long start = System.nanoTime();
            Map<String, Object> params = sampler.sample(study, n, TrialSeeds.forTrial(seed, n))
                    .orElseThrow(() -> new IllegalStateException(algorithm + " ran out of suggestions"));
            seconds[n] = (System.nanoTime() - start) / 1e9;
            double[] x = problem.x(params);
            double[] f = problem.f().of(x);
            double[] c = problem.c().of(x);
            TrialView t = TrialView.completed(n, params, boxed(f), boxed(c));
            trials.add(t);
            if (t.feasible()) {
                feasible.add(f);
            }
            if (next < budgets.length && n + 1 == budgets[next]) {
                gaps[next++] = problem.trueHypervolume()
                        - Hypervolume.of(feasible.toArray(double[][]::new), problem.reference());
            }
        }
        return new Result(gaps, seconds);
    }

    private static List<Double> boxed(double[] v) {
        return Arrays.stream(v).boxed().toList();
    }
}
