package dev.anneal.bench.search;

import dev.anneal.tuner.sampler.Samplers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Search quality on the public functions: median simple regret [25th, 75th percentile] over
 * seeds 0..19 at budgets 25, 50, 100 (and 200 for hartmann6), each beside the Optuna peers'
 * medians from reference.md as a ratio (ours / theirs: below 1 means a lower regret than the
 * peer).
 *
 * <p>Options: {@code --functions branin,hartmann6,...}, {@code --samplers random,sobol,...},
 * {@code --seeds 20}, {@code --in-flight 1} (pending trials while suggesting, as with parallel
 * workers), {@code --threads <cores>}.
 */
public final class SearchQuality {

    /** The peers each of our samplers is compared with (reference.md names). */
    static final List<String> PEERS = List.of("optuna_gp", "tpe", "random");

    private SearchQuality() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        ReferenceTables reference = ReferenceTables.load(ReferenceTables.locate());
        if (reference.isEmpty()) {
            System.out.println("(reference.md not found: set ANNEAL_BENCH_REFERENCE to print ratios)");
        }
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        try {
            for (String name : options.functions()) {
                BenchFunction function = BenchFunctions.byName(name);
                int[] budgets = name.equals("hartmann6") ? new int[] {25, 50, 100, 200} : new int[] {25, 50, 100};
                System.out.printf(
                        "%n%s: median simple regret [p25, p75] over %d seeds, %d in flight; (ratio to %s)%n",
                        name, options.seeds(), options.inFlight(), String.join(", ", PEERS));
                for (String sampler : options.samplers()) {
                    long start = System.nanoTime();
                    double[][] regrets = runSeeds(pool, function, sampler, budgets, options);
                    double seconds = (System.nanoTime() - start) / 1e9;
                    printRow(reference, name, sampler, budgets, regrets, seconds);
                }
            }
        } finally {
            pool.shutdown();
        }
    }

    private static double[][] runSeeds(ExecutorService pool, BenchFunction f, String sampler, int[] budgets, Options o)
            throws Exception {
        List<Future<double[]>> runs = new ArrayList<>();
        for (long seed = 0; seed < o.seeds(); seed++) {
            long s = seed;
            runs.add(pool.submit(() -> OptimizationRun.regrets(f, sampler, s, budgets, o.inFlight())));
        }
        double[][] byBudget = new double[budgets.length][o.seeds()];
        for (int s = 0; s < runs.size(); s++) {
            double[] r = runs.get(s).get();
            for (int b = 0; b < budgets.length; b++) {
                byBudget[b][s] = r[b];
            }
        }
        return byBudget;
    }

    private static void printRow(
            ReferenceTables reference,
            String function,
            String sampler,
            int[] budgets,
            double[][] regrets,
            double seconds) {
        StringBuilder line = new StringBuilder(String.format("  %-9s", sampler));
        for (int b = 0; b < budgets.length; b++) {
            double median = Stats.median(regrets[b]);
            line.append(String.format(
                    " | B=%d %s [%s, %s]",
                    budgets[b],
                    Stats.format(median),
                    Stats.format(Stats.percentile(regrets[b], 0.25)),
                    Stats.format(Stats.percentile(regrets[b], 0.75))));
            List<String> ratios = new ArrayList<>();
            for (String peer : PEERS) {
                reference.median(function, peer, budgets[b]).ifPresent(ref -> ratios.add(ratio(median, ref)));
            }
            if (!ratios.isEmpty()) {
                line.append(" (").append(String.join(", ", ratios)).append(")");
            }
        }
        line.append(String.format("  [%.0f s]", seconds));
        System.out.println(line);
    }

    private static String ratio(double ours, double theirs) {
        if (theirs == 0) {
            return ours == 0 ? "1x" : "inf";
        }
        double r = ours / theirs;
        return r < 0.01 ? String.format("%.1ex", r) : String.format("%.2fx", r);
    }

    record Options(List<String> functions, List<String> samplers, int seeds, int inFlight, int threads) {

        static Options parse(String[] args) {
            List<String> functions = List.of("branin", "hartmann6", "rosenbrock4", "dl_surrogate");
            List<String> samplers = new ArrayList<>(Samplers.NAMES);
            samplers.remove("grid");
            int seeds = 20;
            int inFlight = 1;
            int threads = Runtime.getRuntime().availableProcessors();
            for (int i = 0; i + 1 < args.length; i += 2) {
                switch (args[i]) {
                    case "--functions" -> functions = Arrays.asList(args[i + 1].split(","));
                    case "--samplers" -> samplers = Arrays.asList(args[i + 1].split(","));
                    case "--seeds" -> seeds = Integer.parseInt(args[i + 1]);
                    case "--in-flight" -> inFlight = Integer.parseInt(args[i + 1]);
                    case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return new Options(functions, samplers, seeds, inFlight, threads);
        }
    }
}
