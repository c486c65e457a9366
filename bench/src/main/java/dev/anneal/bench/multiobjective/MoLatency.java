package dev.anneal.bench.multiobjective;

import dev.anneal.bench.search.Stats;
import dev.anneal.tuner.sampler.RandomSampler;
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
 * {@code anneal-bench mo-latency}: the time one suggestion takes once a two-objective study holds
 * N observations (random points of the problem, so every sampler sees the same history), median
 * of {@code --repeats} suggestions, in-process.
 *
 * <p>Options: {@code --problem zdt1}, {@code --samplers bayesian,tpe,nsga2}, {@code --observations
 * 100,500}, {@code --repeats 3}.
 */
public final class MoLatency {

    private MoLatency() {}

    public static void main(String[] args) {
        String problemName = "zdt1";
        List<String> samplers = List.of("bayesian", "tpe", "nsga2");
        int[] observations = {100, 500};
        int repeats = 3;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--problem" -> problemName = args[i + 1];
                case "--samplers" -> samplers = Arrays.asList(args[i + 1].split(","));
                case "--observations" ->
                    observations = Arrays.stream(args[i + 1].split(","))
                            .mapToInt(Integer::parseInt)
                            .toArray();
                case "--repeats" -> repeats = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        MoProblem problem = MoProblem.byName(problemName);
        List<Direction> directions = List.of(Direction.MINIMIZE, Direction.MINIMIZE);
        for (int n : observations) {
            List<TrialView> history = new ArrayList<>();
            RandomSampler random = new RandomSampler();
            for (int t = 0; t < n; t++) {
                Map<String, Object> p = random.sample(
                                new StudyView(problem.space(), directions, history), t, TrialSeeds.forTrial(1, t))
                        .orElseThrow();
                double[] x = problem.x(p);
                history.add(TrialView.completed(
                        t,
                        p,
                        Arrays.stream(problem.f().of(x)).boxed().toList(),
                        Arrays.stream(problem.c().of(x)).boxed().toList()));
            }
            StudyView study = new StudyView(problem.space(), directions, history);
            for (String name : samplers) {
                Sampler sampler = Samplers.create(name, problem.space(), 1);
                double[] seconds = new double[repeats];
                for (int r = 0; r < repeats; r++) {
                    long start = System.nanoTime();
                    sampler.sample(study, n + r, TrialSeeds.forTrial(2, n + r)).orElseThrow();
                    seconds[r] = (System.nanoTime() - start) / 1e9;
                }
                System.out.printf(
                        "%s %-9s at %4d observations: median %.4f s per suggestion (%d repeats)%n",
                        problemName, name, n, Stats.median(seconds), repeats);
            }
        }
    }
}
