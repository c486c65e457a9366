package dev.anneal.bench.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code training-variants}: where the time of a training step goes on the Java side. Runs the
 * loop variants of one model, interleaved round by round in one JVM, and prints each one's median
 * samples/s relative to MlpTrainer's loop ("product"). Options: {@code --model --threads
 * --rounds --window --env}, and {@code --variants name:settings|...} to replace the default set.
 */
public final class LoopVariants {

    private static final String TUNED = LoopSettings.TUNED;

    static final String DEFAULTS = String.join(
            "|",
            "product:" + LoopSettings.PRODUCT,
            "no-score:batching=batchby,shuffle=true,fit=dataset,score=false",
            "no-shuffle:batching=batchby,shuffle=false,fit=dataset,score=true",
            "presplit:batching=presplit,shuffle=false,fit=dataset,score=true",
            "presplit-arrays:batching=presplit,shuffle=false,fit=arrays,score=true",
            "pull-dataset:batching=pull,shuffle=false,fit=dataset,score=true",
            "tuned:" + TUNED,
            "tuned-ws-none:" + TUNED + ",workspace=none",
            "tuned-cache-device:" + TUNED + ",cache=device");

    private LoopVariants() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>(Options.parse(args));
        Map<String, String> env = TrainingThroughput.environment(o.getOrDefault("--env", ""));
        o.remove("--env");
        o.putIfAbsent("--variants", DEFAULTS);
        List<String> childArgs = new ArrayList<>();
        o.forEach((k, v) -> childArgs.addAll(List.of(k, v)));
        String before = LoadAverage.now();
        List<String> info = new ArrayList<>();
        Map<String, ChildRun.Rate> r = ChildJvm.run(env, info, childArgs.toArray(String[]::new));
        info.forEach(line -> System.out.println("  " + line));
        System.out.printf(
                "%s, %s thread(s), env %s, load %s -> %s%n",
                o.getOrDefault("--model", "mlp"), o.getOrDefault("--threads", "1"), env, before, LoadAverage.now());
        ChildRun.Rate base = r.getOrDefault("product", r.values().iterator().next());
        System.out.printf("  %-22s %12s %7s %12s %7s%n", "variant", "wall s/s", "vs prod", "CPU s/s", "vs prod");
        r.forEach((name, rate) -> System.out.printf(
                "  %-22s %12.0f %6.2fx %12.0f %6.2fx%n",
                name, rate.wall(), rate.wall() / base.wall(), rate.cpu(), rate.cpu() / base.cpu()));
    }
}
