package dev.anneal.bench.multiobjective;

import dev.anneal.bench.BenchServer;
import dev.anneal.tuner.pareto.Hypervolume;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * {@link MoRun} over HTTP, as the acceptance drives it: one external job per problem,
 * sampler and seed (the problem's variables as floats, two minimized objectives, its constraints
 * as bounds {@code max 0} on metrics {@code c0, c1, ...}), then ask, evaluate, tell with the
 * objective values and constraint metrics, one trial at a time. The ask's round trip is the
 * suggestion latency a client sees.
 */
final class MoHttpRun {

    private MoHttpRun() {}

    static MoRun.Result run(String url, MoProblem problem, String algorithm, long seed, int[] budgets)
            throws Exception {
        int max = budgets[budgets.length - 1];
        JsonNode job = BenchServer.postJson(url + "/api/v1/jobs", spec(problem, algorithm, seed, max));
        String jobUrl = url + "/api/v1/jobs/" + job.path("id").asLong();
        List<double[]> feasible = new ArrayList<>();
        double[] gaps = new double[budgets.length];
        double[] seconds = new double[max];
        int next = 0;
        for (int n = 0; n < max; n++) {
            long start = System.nanoTime();
            JsonNode trial = BenchServer.postJson(jobUrl + "/trials/ask", "{}", 201);
            seconds[n] = (System.nanoTime() - start) / 1e9;
            double[] x = new double[problem.space().parameters().size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = trial.path("params").path("x" + i).asDouble();
            }
            double[] f = problem.f().of(x);
            double[] c = problem.c().of(x);
            StringBuilder metrics = new StringBuilder();
            for (int j = 0; j < c.length; j++) {
                metrics.append(j == 0 ? "" : ", ")
                        .append("\"c")
                        .append(j)
                        .append("\": ")
                        .append(c[j]);
            }
            BenchServer.postJson(
                    jobUrl + "/trials/" + trial.path("number").asInt() + "/tell",
                    "{ \"values\": [" + f[0] + ", " + f[1] + "], \"metrics\": {" + metrics + "} }",
                    200);
            boolean ok = true;
            for (double v : c) {
                ok &= v <= 0;
            }
            if (ok) {
                feasible.add(f);
            }
            if (next < budgets.length && n + 1 == budgets[next]) {
                gaps[next++] = problem.trueHypervolume()
                        - Hypervolume.of(feasible.toArray(double[][]::new), problem.reference());
            }
        }
        return new MoRun.Result(gaps, seconds);
    }

    static String spec(MoProblem problem, String algorithm, long seed, int maxTrials) {
        String space = problem.space().parameters().values().stream()
                .map(d -> {
                    var f = (dev.anneal.tuner.space.FloatDistribution) d;
                    return "\"" + f.name() + "\": { \"type\": \"float\", \"min\": " + f.low() + ", \"max\": " + f.high()
                            + " }";
                })
                .collect(Collectors.joining(", ", "{ ", " }"));
        int constraints = problem.c().of(new double[problem.space().parameters().size()]).length;
        String bounds = constraints == 0
                ? ""
                : java.util.stream.IntStream.range(0, constraints)
                        .mapToObj(j -> "{ \"metric\": \"c" + j + "\", \"max\": 0 }")
                        .collect(Collectors.joining(", ", "\"constraints\": [ ", " ], "));
        return """
                { "execution": "external", "name": "%s-%s-%d",
                  "searchSpace": %s,
                  "algorithm": { "type": "%s", "seed": %d },
                  "objectives": [ { "metric": "f1", "direction": "minimize" }, { "metric": "f2", "direction": "minimize" } ],
                  %s
                  "maxTrials": %d, "parallelism": 1 }
                """.formatted(problem.name(), algorithm, seed, space, algorithm, seed, bounds, maxTrials);
    }
}
