package dev.anneal.bench.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code training-env}: the tuned loop of one model under different thread settings, each in
 * its own JVM because OpenMP reads its environment once per process; JVMs of the configurations
 * alternate, {@code --repeats} times, and the median over repeats is printed. Options: {@code
 * --model --threads --repeats 3 --rounds 3}.
 */
public final class ThreadEnvironments {

    private ThreadEnvironments() {}

    /** name -> {{@link ThreadLimit} way, environment}. */
    static Map<String, String[]> configurations(String threads) {
        Map<String, String[]> c = new LinkedHashMap<>();
        c.put("nd4j-api", new String[] {"nd4j", ""});
        c.put("omp-num-threads-env", new String[] {"none", "OMP_NUM_THREADS=" + threads});
        c.put("omp-api", new String[] {"omp-api", ""});
        c.put("omp-env+passive", new String[] {"none", "OMP_NUM_THREADS=" + threads + ",OMP_WAIT_POLICY=PASSIVE"});
        c.put("nd4j-api+passive", new String[] {"nd4j", "OMP_WAIT_POLICY=PASSIVE"});
        c.put("nd4j-api+active", new String[] {"nd4j", "OMP_WAIT_POLICY=ACTIVE"});
        c.put("nd4j-api+proc-bind", new String[] {"nd4j", "OMP_PROC_BIND=true"});
        c.put("env-all+passive", new String[] {
            "none", "OMP_NUM_THREADS=" + threads + ",OPENBLAS_NUM_THREADS=" + threads + ",OMP_WAIT_POLICY=PASSIVE"
        });
        return c;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args);
        String model = o.getOrDefault("--model", "mlp");
        String threads = o.getOrDefault("--threads", "2");
        int repeats = Integer.parseInt(o.getOrDefault("--repeats", "3"));
        Map<String, String[]> configs = configurations(threads);
        if (o.containsKey("--only")) {
            configs.keySet().retainAll(List.of(o.get("--only").split(",")));
        }
        Map<String, List<ChildRun.Rate>> rates = new LinkedHashMap<>();
        String before = LoadAverage.now();
        for (int rep = 0; rep < repeats; rep++) {
            for (var c : configs.entrySet()) {
                Map<String, ChildRun.Rate> r = ChildJvm.run(
                        TrainingThroughput.environment(c.getValue()[1]),
                        new ArrayList<>(),
                        "--model",
                        model,
                        "--threads",
                        threads,
                        "--limit",
                        c.getValue()[0],
                        "--rounds",
                        o.getOrDefault("--rounds", "3"),
                        "--window",
                        o.getOrDefault("--window", "1.0"));
                rates.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(r.get("tuned"));
            }
        }
        System.out.printf("%s, %s thread(s), load %s -> %s%n", model, threads, before, LoadAverage.now());
        System.out.printf("  %-22s %12s %12s  %s%n", "configuration", "wall s/s", "CPU s/s", "wall per JVM");
        rates.forEach((name, list) -> System.out.printf(
                "  %-22s %12.0f %12.0f  %s%n",
                name,
                ChildRun.median(list.stream().map(ChildRun.Rate::wall).toList()),
                ChildRun.median(list.stream().map(ChildRun.Rate::cpu).toList()),
                list.stream().map(x -> String.format("%.0f", x.wall())).toList()));
    }
}
