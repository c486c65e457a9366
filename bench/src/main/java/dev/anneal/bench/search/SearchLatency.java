package dev.anneal.bench.search;

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
import java.util.OptionalDouble;

/**
 * Suggestion latency: the median time of one {@code sample} call given n completed
 * observations (random points of the function), beside the peers' means from reference.md.
 * Options: {@code --functions ...}, {@code --samplers ...}, {@code --observations 50,100,200,1000}.
 */
public final class SearchLatency {

    static final int CALLS = 7;
    static final int WARMUP_CALLS = 3;
    static final int JIT_ROUNDS = 4;

    private SearchLatency() {}

    public static void main(String[] args) {
        List<String> functions = List.of("branin", "hartmann6", "rosenbrock4", "dl_surrogate");
        List<String> samplers = new ArrayList<>(Samplers.NAMES);
        samplers.remove("grid");
        int[] observations = {50, 100, 200, 1000};
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--functions" -> functions = Arrays.asList(args[i + 1].split(","));
                case "--samplers" -> samplers = Arrays.asList(args[i + 1].split(","));
                case "--observations" ->
                    observations = Arrays.stream(args[i + 1].split(","))
                            .mapToInt(Integer::parseInt)
                            .toArray();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        ReferenceTables reference = ReferenceTables.load(ReferenceTables.locate());
        // a running server has compiled its hot loops long ago: compile them before measuring
        for (String sampler : samplers) {
            for (int round = 0; round < JIT_ROUNDS; round++) {
                medianMillis(BenchFunctions.byName(functions.get(0)), sampler, 100);
            }
        }
        System.out.println("median ms per suggestion (peer mean ms from reference.md in brackets)");
        for (String name : functions) {
            BenchFunction f = BenchFunctions.byName(name);
            for (String sampler : samplers) {
                StringBuilder line = new StringBuilder(String.format("  %-13s %-9s", name, sampler));
                for (int n : observations) {
                    double ms = medianMillis(f, sampler, n);
                    line.append(String.format(" | n=%d %.1f", n, ms));
                    String peer = sampler.equals("tpe") ? "tpe" : sampler.equals("bayesian") ? "optuna_gp" : null;
                    if (peer != null) {
                        reference
                                .latencyMillis(name, peer, n)
                                .ifPresent(r -> line.append(String.format(" [%s %.0f]", peer, r)));
                    }
                }
                System.out.println(line);
            }
        }
    }

    static double medianMillis(BenchFunction f, String algorithm, int n) {
        StudyView study = randomHistory(f, n);
        Sampler sampler = Samplers.create(algorithm, f.space(), 99);
        for (int w = 0; w < WARMUP_CALLS; w++) {
            // a running server is warm: let the JIT compile the sampler first
            sampler.sample(study, n, TrialSeeds.forTrial(98 - w, n));
        }
        double[] ms = new double[CALLS];
        for (int c = 0; c < CALLS; c++) {
            long start = System.nanoTime();
            sampler.sample(study, n + c, TrialSeeds.forTrial(99, n + c));
            ms[c] = (System.nanoTime() - start) / 1e6;
        }
        return Stats.median(ms);
    }

    private static StudyView randomHistory(BenchFunction f, int n) {
        RandomSampler random = new RandomSampler();
        List<TrialView> trials = new ArrayList<>();
        StudyView empty = new StudyView(f.space(), Direction.MINIMIZE, List.of());
        for (int t = 0; t < n; t++) {
            Map<String, Object> p =
                    random.sample(empty, t, TrialSeeds.forTrial(7, t)).orElseThrow();
            trials.add(new TrialView(t, TrialView.Status.COMPLETE, p, OptionalDouble.of(f.value(p))));
        }
        return new StudyView(f.space(), Direction.MINIMIZE, trials);
    }
}
