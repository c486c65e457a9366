package dev.anneal.bench.training;

import dev.anneal.data.CsvTableReader;
import dev.anneal.db.testing.SharedDatasets;
import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.worker.config.Nd4jThreads;
import dev.anneal.worker.prepare.DataPreparation;
import dev.anneal.worker.prepare.PreparationOptions;
import dev.anneal.worker.prepare.PreparedData;
import dev.anneal.worker.train.SupervisedTrainer;
import dev.anneal.worker.train.TrainingMonitor;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code mlp-shapes}: per-sample training throughput of the digits MLP (64 → width → width → 10)
 * at 1 thread, across widths and batch sizes, on the worker's own path ({@link SupervisedTrainer}
 * with the job's preparation; the rate is training rows over the median time of epochs 3.., from
 * the end of one epoch's validation to the end of the next epoch's mini-batches, so validation is
 * not counted) beside PyTorch on the same split ({@code bench/peers/torch_mlp_shapes.py}). Issue
 * 16's target: ≥ 0.8× PyTorch for widths 16–256 and batches 32–128.
 */
public final class MlpShapes {

    private static final String PEER = "torch_mlp_shapes.py";

    private MlpShapes() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args);
        String shapes = o.getOrDefault("--shapes", "16@32,16@128,64@32,64@128,256@32,256@128");
        int epochs = Integer.parseInt(o.getOrDefault("--epochs", "8"));
        String python = o.getOrDefault("--python", "/usr/bin/python3");
        Nd4jThreads.limit(1);
        System.out.printf("mlp-shapes: load average %s; %d epochs a shape, 1 thread%n", LoadAverage.now(), epochs);
        Map<String, Double> peer = peer(python, shapes, epochs);
        List<PreparedData> folds = DataPreparation.prepare(
                CsvTableReader.read(SharedDatasets.bytes("digits.csv")),
                TrialProfile.spec(),
                PreparationOptions.DEFAULT);
        anneal(folds, 64, 64, epochs); // JIT and native caches settle, as in a worker after its warm-up
        System.out.println("| width | batch | Anneal samples/s | PyTorch samples/s | Anneal / PyTorch |");
        System.out.println("|---|---|---|---|---|");
        for (String shape : shapes.split(",")) {
            String[] wb = shape.split("@");
            double anneal = anneal(folds, Integer.parseInt(wb[0]), Integer.parseInt(wb[1]), epochs);
            Double torch = peer.get(shape);
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %s | %,.0f | %s | %s |%n",
                    wb[0],
                    wb[1],
                    anneal,
                    torch == null ? "-" : String.format(Locale.ROOT, "%,.0f", torch),
                    torch == null ? "-" : String.format(Locale.ROOT, "%.2f×", anneal / torch));
        }
        System.out.printf("load average at the end: %s%n", LoadAverage.now());
    }

    static double anneal(List<PreparedData> folds, int width, int batch, int epochs) {
        TrialParams params = new TrialParams(Map.of(
                "learningRate",
                1e-3,
                "batchSize",
                (long) batch,
                "units",
                (long) width,
                "epochs",
                (long) epochs,
                "hiddenLayers",
                2L));
        List<Long> durations = new ArrayList<>();
        long[] since = {System.nanoTime()};
        SupervisedTrainer.train(folds, TrialProfile.spec(), params, 0, new TrainingMonitor() {
            @Override
            public boolean stopRequested() {
                return false;
            }

            @Override
            public void epochTrained(int epoch) {
                durations.add(System.nanoTime() - since[0]);
            }

            @Override
            public boolean afterEpoch(int epoch, Map<String, Double> metrics) {
                since[0] = System.nanoTime();
                return true;
            }
        });
        List<Long> later = new ArrayList<>(durations.subList(Math.min(2, durations.size() - 1), durations.size()));
        later.sort(Long::compare);
        double median = later.get(later.size() / 2) / 1e9;
        return folds.get(0).trainX().length / median;
    }

    /** The peer's rates by "width@batch", or none when its script or Python packages are missing. */
    static Map<String, Double> peer(String python, String shapes, int epochs) throws Exception {
        Path script = Path.of("bench", "peers", PEER);
        Path digits = SharedDatasets.directory().resolve("digits.csv");
        Map<String, Double> rates = new HashMap<>();
        if (!Files.isRegularFile(script)) {
            System.out.println("peer: not run (" + script + " not found; run from the checkout's root)");
            return rates;
        }
        Process p = new ProcessBuilder(
                        python,
                        script.toString(),
                        "--data",
                        digits.toString(),
                        "--shapes",
                        shapes,
                        "--epochs",
                        Integer.toString(epochs))
                .redirectErrorStream(true)
                .start();
        JsonMapper json = JsonMapper.builder().build();
        Map<String, String> other = new LinkedHashMap<>();
        try (var in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("{")) {
                    JsonNode r = json.readTree(line);
                    rates.put(
                            r.get("width").asInt() + "@" + r.get("batch").asInt(),
                            r.get("samples_per_s").asDouble());
                } else {
                    other.put(line, line);
                }
            }
        }
        if (p.waitFor() != 0) {
            System.out.println("peer: failed (" + String.join(" / ", other.keySet())
                    + "); needs apt-get install python3-torch python3-sklearn");
        }
        return rates;
    }
}
