package dev.anneal.bench.multiobjective;

import dev.anneal.bench.BenchServer;
import dev.anneal.bench.search.Stats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code anneal-bench mo-search}: the median hypervolume gap of each multi-objective sampler on
 * the two-objective problems of {@code ../shared/bench/multiobjective.md}, in-process (the
 * samplers exactly as the scheduler calls them, without HTTP), beside Optuna's medians, with the
 * median suggestion latency. With {@code --http}, every run goes through a server's ask/tell instead
 * (one started for the run, or {@code --url URL [--token T]}): the acceptance path.
 *
 * <p>Options: {@code --problems zdt1,dtlz2,bnh}, {@code --samplers bayesian,tpe,nsga2,random},
 * {@code --seeds 10}, {@code --budgets 25,50,100}, {@code --threads <cores>}, {@code --http true}.
 */
public final class MultiObjectiveQuality {

    private MultiObjectiveQuality() {}

    public static void main(String[] args) throws Exception {
        List<String> problems = List.of("zdt1", "dtlz2", "bnh");
        List<String> samplers = List.of("bayesian", "tpe", "nsga2", "random");
        int seeds = 10;
        int[] budgets = {25, 50, 100};
        int threads = Runtime.getRuntime().availableProcessors();
        boolean http = false;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--problems" -> problems = Arrays.asList(args[i + 1].split(","));
                case "--samplers" -> samplers = Arrays.asList(args[i + 1].split(","));
                case "--seeds" -> seeds = Integer.parseInt(args[i + 1]);
                case "--budgets" ->
                    budgets = Arrays.stream(args[i + 1].split(","))
                            .mapToInt(Integer::parseInt)
                            .toArray();
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                case "--http" -> http = Boolean.parseBoolean(args[i + 1]);
                case "--url", "--token" -> {
                    // read by BenchServer
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        MoPeerTables peers = MoPeerTables.load();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        BenchServer server = http ? BenchServer.fromArgs(args, "--anneal.worker.slots=0") : null;
        try {
            for (String name : problems) {
                MoProblem problem = MoProblem.byName(name);
                System.out.printf(
                        "%n### %s: median hypervolume gap [p25, p75] over %d seeds (Optuna's median; ratio)%n",
                        name, seeds);
                for (String sampler : samplers) {
                    List<Future<MoRun.Result>> runs = new ArrayList<>();
                    for (int s = 0; s < seeds; s++) {
                        long seed = s;
                        int[] b = budgets;
                        runs.add(pool.submit(() -> server == null
                                ? MoRun.run(problem, sampler, seed, b)
                                : MoHttpRun.run(server.url(), problem, sampler, seed, b)));
                    }
                    List<MoRun.Result> results = new ArrayList<>();
                    for (Future<MoRun.Result> run : runs) {
                        results.add(run.get());
                    }
                    StringBuilder line = new StringBuilder(String.format("%-9s", sampler));
                    for (int b = 0; b < budgets.length; b++) {
                        int k = b;
                        double[] gaps =
                                results.stream().mapToDouble(r -> r.gaps()[k]).toArray();
                        double median = Stats.median(gaps);
                        String peer = peers.gap(name, sampler, budgets[b])
                                .map(p -> String.format(" (%s; %.2f)", fmt(p), median / p))
                                .orElse("");
                        line.append(String.format(
                                " | %d: %s [%s, %s]%s",
                                budgets[b],
                                fmt(median),
                                fmt(Stats.percentile(gaps, 0.25)),
                                fmt(Stats.percentile(gaps, 0.75)),
                                peer));
                    }
                    int last = budgets[budgets.length - 1];
                    double[] latency = results.stream()
                            .flatMapToDouble(r -> Arrays.stream(r.suggestSeconds()))
                            .toArray();
                    String peerLatency = peers.latency(name, sampler, last)
                            .map(p -> String.format(", Optuna %s s", fmt(p)))
                            .orElse("");
                    line.append(String.format(
                            " | ask median %s s over %d trials%s", fmt(Stats.median(latency)), last, peerLatency));
                    System.out.println(line);
                }
            }
        } finally {
            pool.shutdown();
            if (server != null) {
                server.close();
            }
        }
    }

    private static String fmt(double v) {
        if (v == 0) {
            return "0";
        }
        double abs = Math.abs(v);
        return abs >= 1000 || abs < 1e-3 ? String.format("%.3g", v) : String.format("%.4g", v);
    }
}
