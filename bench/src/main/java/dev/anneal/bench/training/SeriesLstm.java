package dev.anneal.bench.training;

import dev.anneal.bench.MemoryFootprint;
import dev.anneal.data.CsvTableReader;
import dev.anneal.spec.Algorithm;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.ModelFamily;
import dev.anneal.spec.ValidationScheme;
import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.worker.config.Nd4jThreads;
import dev.anneal.worker.prepare.DataPreparation;
import dev.anneal.worker.prepare.PreparationOptions;
import dev.anneal.worker.prepare.PreparedData;
import dev.anneal.worker.train.SupervisedTrainer;
import dev.anneal.worker.train.TrainingMonitor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code series-lstm}: the series-LSTM trial of issue 16 (a 3,150-step monthly series, windows of
 * 24, 32 units, batches of 32, 30 epochs, the last 24 steps validating) on the worker's own path,
 * beside PyTorch's LSTM on exactly the same windows ({@code bench/peers/torch_series_lstm.py}
 * reads the windows this writes). Rounds alternate Anneal and the peer, both at 1 thread; each
 * trial's seconds include its per-epoch validation.
 */
public final class SeriesLstm {

    private static final String PEER = "torch_series_lstm.py";

    private SeriesLstm() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args);
        int rounds = Integer.parseInt(o.getOrDefault("--rounds", "3"));
        int epochs = Integer.parseInt(o.getOrDefault("--epochs", "30"));
        String python = o.getOrDefault("--python", "/usr/bin/python3");
        Nd4jThreads.limit(1);
        JobSpec spec = JobSpec.training(
                "value",
                JobSpec.REGRESSION,
                List.of(),
                new JobSpec.ModelSpec(ModelFamily.LSTM, null, null, new JobSpec.SeriesSpec(1)),
                new JobSpec.ObjectiveSpec("val_rmse", dev.anneal.tuner.study.Direction.MINIMIZE, "best"),
                new JobSpec.ValidationSpec(ValidationScheme.CHRONOLOGICAL, null, null, 24),
                new JobSpec.AlgorithmSpec(Algorithm.RANDOM, 0),
                null);
        TrialParams params = new TrialParams(Map.of(
                "window", 24L,
                "units", 32L,
                "hiddenLayers", 1L,
                "learningRate", 0.01,
                "batchSize", 32L,
                "epochs", (long) epochs));
        PreparedData data = DataPreparation.prepare(
                        CsvTableReader.read(MemoryFootprint.seasonalSeries(3150)), spec, PreparationOptions.of(params))
                .get(0);
        int features = data.trainX()[0].length / 24;
        Path dir = Files.createTempDirectory("anneal-series-lstm");
        write(dir.resolve("train.csv"), data.trainX(), data.trainY());
        write(dir.resolve("validation.csv"), data.validationX(), data.validationY());
        System.out.printf(
                "series-lstm: load average %s; %d training and %d validation windows of 24 steps x %d feature(s),"
                        + " LSTM 32 -> dense 1, MSE, Adam 0.01, batch 32, %d epochs, 1 thread; windows in %s%n",
                LoadAverage.now(), data.trainX().length, data.validationX().length, features, epochs, dir);
        Path script = Path.of("bench", "peers", PEER);
        System.out.println(
                "| round | Anneal trial s | Anneal val_rmse (scaled) | PyTorch trial s | PyTorch val_rmse (scaled) |"
                        + " PyTorch s / Anneal s |");
        System.out.println("|---|---|---|---|---|---|");
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            double[] anneal = anneal(List.of(data), spec, params, round);
            JsonNode peer = Files.isRegularFile(script) ? peer(python, script, dir, features, epochs) : null;
            double peerSeconds = peer == null ? Double.NaN : peer.get("seconds").asDouble();
            double ratio = peerSeconds / anneal[0];
            if (Double.isFinite(ratio)) {
                ratios.add(ratio);
            }
            System.out.printf(
                    Locale.ROOT,
                    "| %d | %.1f | %.4f | %s | %s | %s |%n",
                    round,
                    anneal[0],
                    anneal[1],
                    peer == null ? "-" : String.format(Locale.ROOT, "%.1f", peerSeconds),
                    peer == null
                            ? "-"
                            : String.format(
                                    Locale.ROOT, "%.4f", peer.get("val_rmse").asDouble()),
                    Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2f×", ratio) : "-");
        }
        ratios.sort(Double::compare);
        System.out.printf(
                Locale.ROOT,
                "median Anneal speed relative to PyTorch: %s (issue 16's target: >= 0.5x); load average at the end: %s%n",
                ratios.isEmpty()
                        ? "- (peer not run)"
                        : String.format(Locale.ROOT, "%.2fx", ratios.get(ratios.size() / 2)),
                LoadAverage.now());
        if (!Files.isRegularFile(script)) {
            System.out.println("peer: not run (" + script + " not found; run from the checkout's root)");
        }
    }

    /** One trial: {seconds, best validation RMSE on the scaled target}. */
    private static double[] anneal(List<PreparedData> folds, JobSpec spec, TrialParams params, long seed) {
        double[] best = {Double.POSITIVE_INFINITY};
        long start = System.nanoTime();
        SupervisedTrainer.train(folds, spec, params, seed, new TrainingMonitor() {
            @Override
            public boolean stopRequested() {
                return false;
            }

            @Override
            public boolean afterEpoch(int epoch, Map<String, Double> metrics) {
                // val_loss is the MSE on the standardized target, as the peer's is
                best[0] = Math.min(best[0], Math.sqrt(metrics.get("val_loss")));
                return true;
            }
        });
        return new double[] {(System.nanoTime() - start) / 1e9, best[0]};
    }

    private static JsonNode peer(String python, Path script, Path dir, int features, int epochs)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        python,
                        script.toString(),
                        "--windows",
                        dir.toString(),
                        "--steps",
                        "24",
                        "--features",
                        Integer.toString(features),
                        "--epochs",
                        Integer.toString(epochs))
                .redirectErrorStream(true)
                .start();
        JsonNode result = null;
        StringBuilder other = new StringBuilder();
        try (var in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("{")) {
                    result = JsonMapper.builder().build().readTree(line);
                } else {
                    other.append(line).append(" / ");
                }
            }
        }
        if (p.waitFor() != 0 || result == null) {
            System.out.println("peer: failed (" + other + "); needs apt-get install python3-torch");
            return null;
        }
        return result;
    }

    /** One window per line: its steps' features in time order, then the target. */
    private static void write(Path file, float[][] x, float[][] y) throws IOException {
        try (Writer out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < x.length; i++) {
                StringBuilder line = new StringBuilder();
                for (float v : x[i]) {
                    line.append(v).append(',');
                }
                out.write(line.append(y[i][0]).append('\n').toString());
            }
        }
    }
}
