package dev.anneal.bench.training;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code training}: samples/s of the three reference models (reference.md section 4) at 1 and 2
 * threads, each thread count in its own JVM, for MlpTrainer's loop as it is ("product") and for
 * the recommended loop ("tuned"), interleaved in the same JVM so both see the same load. Prints
 * PyTorch's figure, the tuned/PyTorch ratio and the target (within 3x for the MLP, 2x otherwise).
 *
 * <p>Both loops run with the recommended thread setup: {@code --limit omp-api} (see {@link
 * ThreadLimit}) and {@code --env OMP_WAIT_POLICY=PASSIVE} by default. Options: {@code --models
 * mlp,cnn,lstm --threads 1,2 --rounds 5 --limit --env KEY=VALUE,...}.
 *
 * <p>For the LSTM the same JVM also runs the tuned loop with each LSTM layer ({@code lstm=dl4j},
 * {@code fused}, {@code batched}; see {@link LoopSettings}) in the same interleaved rounds, and
 * prints them in a second table.
 */
public final class TrainingThroughput {

    /** libgomp spins at barriers by default; on a shared 2-core machine that steals the cores. */
    static final String DEFAULT_ENV = "OMP_WAIT_POLICY=PASSIVE";

    private TrainingThroughput() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args);
        Map<String, String> env = environment(o.getOrDefault("--env", DEFAULT_ENV));
        String rounds = o.getOrDefault("--rounds", "5");
        System.out.printf(
                "load average before: %s; child environment: %s; thread limit: %s%n",
                LoadAverage.now(), env, o.getOrDefault("--limit", "omp-api"));
        System.out.printf(
                "%-36s %3s %9s %9s %9s %9s %7s %7s %9s %s%n",
                "model (batch)", "thr", "before", "anneal", "anneal/cpu", "PyTorch", "ratio", "r/cpu", "target", "met");
        List<String> lstmRows = new ArrayList<>();
        for (String key : o.getOrDefault("--models", "mlp,cnn,lstm").split(",")) {
            Model model = Model.of(key);
            for (String t : o.getOrDefault("--threads", "1,2").split(",")) {
                int threads = Integer.parseInt(t);
                List<String> info = new ArrayList<>();
                Map<String, ChildRun.Rate> r = ChildJvm.run(
                        env,
                        info,
                        "--model",
                        key,
                        "--threads",
                        t,
                        "--rounds",
                        rounds,
                        "--limit",
                        o.getOrDefault("--limit", "omp-api"),
                        "--variants",
                        "before:" + LoopSettings.PRODUCT + "|anneal:" + LoopSettings.TUNED + model.annealSettings()
                                + (model == Model.LSTM ? lstmLayerVariants() : ""));
                if (model == Model.LSTM) {
                    StringBuilder row = new StringBuilder(String.format("%-36s %3d", "", threads));
                    for (String layer : LoopSettings.LSTM_LAYERS) {
                        ChildRun.Rate rate = r.get("lstm-" + layer);
                        row.append(String.format(" %9.0f %9.0f", rate.wall(), rate.cpu()));
                    }
                    lstmRows.add(row.toString());
                }
                double pytorch = model.pytorch(threads);
                double target = pytorch / model.targetFactor;
                ChildRun.Rate tuned = r.get("anneal");
                System.out.printf(
                        "%-36s %3d %9.0f %9.0f %9.0f %9.0f %6.2fx %6.2fx %9.0f %s%n",
                        model.title + " (" + model.batchSize + ")",
                        threads,
                        r.get("before").wall(),
                        tuned.wall(),
                        tuned.cpu(),
                        pytorch,
                        tuned.wall() / pytorch,
                        tuned.cpu() / pytorch,
                        target,
                        tuned.wall() >= target ? "yes" : tuned.cpu() >= target ? "cpu only" : "NO");
            }
        }
        if (!lstmRows.isEmpty()) {
            System.out.printf(
                    "%nLSTM layers, the anneal loop (same JVMs, same interleaved rounds; wall and CPU samples/s):%n");
            StringBuilder header = new StringBuilder(String.format("%-36s %3s", "", "thr"));
            for (String layer : LoopSettings.LSTM_LAYERS) {
                header.append(String.format(" %9s %9s", layer, layer + "/cpu"));
            }
            System.out.println(header);
            lstmRows.forEach(System.out::println);
        }
        System.out.printf(
                "load average after: %s%n(samples/s, median of %s interleaved rounds; before = the training loop before"
                        + " 2026-11-27 (DataSet.batchBy every epoch), anneal = the loop SupervisedTrainer runs now (one"
                        + " pullRows per batch; CNN: oneDNN helpers and cached im2col; LSTM: BatchedLstmLayer), per wall second; anneal/cpu = per"
                        + " CPU second of the process, what an idle machine would give at 1 thread; ratio, r/cpu = anneal,"
                        + " anneal/cpu / PyTorch; target ="
                        + " PyTorch / 3 for the MLP, / 2 for CNN and LSTM)%n",
                LoadAverage.now(), rounds);
    }

    /** {@code |lstm-dl4j:...|lstm-fused:...|lstm-batched:...}: the tuned loop with each LSTM layer. */
    private static String lstmLayerVariants() {
        StringBuilder v = new StringBuilder();
        for (String layer : LoopSettings.LSTM_LAYERS) {
            v.append("|lstm-")
                    .append(layer)
                    .append(':')
                    .append(LoopSettings.TUNED)
                    .append(",lstm=")
                    .append(layer);
        }
        return v.toString();
    }

    static Map<String, String> environment(String spec) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            if (!pair.isBlank()) {
                String[] kv = pair.split("=", 2);
                env.put(kv[0], kv[1]);
            }
        }
        return env;
    }
}
