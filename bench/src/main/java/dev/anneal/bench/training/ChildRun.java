package dev.anneal.bench.training;

import dev.anneal.worker.config.OneDnnHelpers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One benchmark JVM ({@code training-child}): one model, one thread count, one or more loop
 * variants measured in interleaved rounds inside this process, so that the load of the shared
 * machine falls on every variant alike. Prints {@code RESULT name median} per variant.
 *
 * <p>Options: {@code --model mlp|cnn|lstm --threads N --limit nd4j|none --rounds 5 --window 1.5
 * --variants name:key=value,...|name:...}; {@code --limit} is one of {@link ThreadLimit}'s.
 */
public final class ChildRun {

    private ChildRun() {}

    public static void main(String[] args) {
        Map<String, String> o = Options.parse(args);
        Model model = Model.of(o.getOrDefault("--model", "mlp"));
        int threads = Integer.parseInt(o.getOrDefault("--threads", "1"));
        ThreadLimit.apply(o.getOrDefault("--limit", "nd4j"), threads);
        OneDnnHelpers.enable(); // as the product's networks do
        if (o.containsKey("--helpers")) {
            Nd4j.getEnvironment().allowHelpers(Boolean.parseBoolean(o.get("--helpers")));
        }
        int rounds = Integer.parseInt(o.getOrDefault("--rounds", "5"));
        double window = Double.parseDouble(o.getOrDefault("--window", "1.5"));
        DataSet data = Workloads.load(model);
        Map<String, TrainingLoop> loops = new LinkedHashMap<>();
        for (String v :
                o.getOrDefault("--variants", "tuned:" + LoopSettings.TUNED).split("\\|")) {
            String[] nameAndSettings = v.split(":", 2);
            loops.put(nameAndSettings[0], new TrainingLoop(model, data, LoopSettings.parse(nameAndSettings[1])));
        }
        NativeInfo.print(loops.values().iterator().next().net());
        for (TrainingLoop loop : loops.values()) {
            samplesPerSecond(loop, window); // JIT, workspaces and native caches settle
        }
        Map<String, List<Rate>> rates = new LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (var e : loops.entrySet()) {
                rates.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(samplesPerSecond(e.getValue(), window));
            }
        }
        for (var e : rates.entrySet()) {
            List<Double> wall = e.getValue().stream().map(Rate::wall).toList();
            List<Double> cpu = e.getValue().stream().map(Rate::cpu).toList();
            System.out.printf("RESULT %s %.1f %.1f %s%n", e.getKey(), median(wall), median(cpu), wall);
        }
    }

    /** Whole epochs until {@code seconds} have passed: samples per wall and per CPU second. */
    static Rate samplesPerSecond(TrainingLoop loop, double seconds) {
        long start = System.nanoTime();
        long cpuStart = PROCESS.getProcessCpuTime();
        long samples = 0;
        double elapsed;
        do {
            samples += loop.epoch();
            elapsed = (System.nanoTime() - start) / 1e9;
        } while (elapsed < seconds);
        return new Rate(samples / elapsed, samples / ((PROCESS.getProcessCpuTime() - cpuStart) / 1e9));
    }

    /**
     * Samples per wall-clock second and per CPU second of the whole process (all its threads,
     * GC and JIT included). Other sessions' load cuts the first, not the second: at 1 thread the
     * CPU rate is what an idle machine would show, the wall rate what this one showed.
     */
    record Rate(double wall, double cpu) {}

    private static final com.sun.management.OperatingSystemMXBean PROCESS = (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
