package dev.anneal.bench;

import dev.anneal.db.testing.SharedDatasets;
import dev.anneal.worker.config.Nd4jThreads;
import dev.anneal.worker.dataset.CsvTableReader;
import dev.anneal.worker.prepare.PreparedData;
import dev.anneal.worker.prepare.TabularPreparer;
import dev.anneal.worker.train.MlpNetworkFactory;
import dev.anneal.worker.train.SupervisedTrainer;
import dev.anneal.worker.train.TrainingMonitor;
import dev.anneal.worker.train.TrainingResult;
import dev.anneal.worker.train.TrainingSpec;
import dev.anneal.worker.train.TrialParams;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training throughput of the reference MLP (64-256-256-10, ReLU, Adam 1e-3, batch 64) on
 * digits, standardized, stratified 80/20 split, against PyTorch 1.13 on the same machine kind
 * (reference.md section 4). Each thread count runs in its own JVM, because ND4J's thread pool
 * is per process, exactly as a worker configures it ({@code anneal.worker.threads-per-trial}).
 */
final class TrainingThroughput {

    /** reference.md, section 4: PyTorch CPU float32, samples/s, median of 3. */
    static final double PYTORCH_ONE_THREAD = 37_270;

    static final double PYTORCH_TWO_THREADS = 15_844;
    /** reference.md: the same MLP after 20 epochs, test accuracy median over 10 seeds. */
    static final double PYTORCH_ACCURACY = 0.978;

    static final int WARMUP_EPOCHS = 3;
    static final int TIMED_EPOCHS = 5;
    static final int REPEATS = 3;

    private TrainingThroughput() {}

    public static void main(String[] args) throws Exception {
        int threads = args.length >= 2 && args[0].equals("--threads") ? Integer.parseInt(args[1]) : 0;
        if (threads > 0) {
            measure(threads);
            return;
        }
        System.out.println("MLP 64-256-256-10, Adam, batch 64, digits (1437 training rows), float32");
        System.out.printf("%-9s %14s %14s %8s %10s%n", "threads", "anneal (DL4J)", "PyTorch 1.13", "ratio", "accuracy");
        for (int t : new int[] {1, 2}) {
            double[] r = inChildJvm(t);
            double reference = t == 1 ? PYTORCH_ONE_THREAD : PYTORCH_TWO_THREADS;
            System.out.printf("%-9d %14.0f %14.0f %7.2fx %10.3f%n", t, r[0], reference, r[0] / reference, r[1]);
        }
        System.out.printf(
                "(ratio = anneal / PyTorch samples per second; PyTorch's 20-epoch accuracy is %.3f)%n",
                PYTORCH_ACCURACY);
    }

    private static void measure(int threads) {
        Nd4jThreads.limit(threads);
        PreparedData digits = TabularPreparer.prepare(CsvTableReader.read(SharedDatasets.bytes("digits.csv")), spec());
        TrialParams params = new TrialParams(Map.of(
                "hiddenLayers",
                2L,
                "units",
                256L,
                "learningRate",
                1e-3,
                "optimizer",
                "adam",
                "batchSize",
                64L,
                "epochs",
                20L));
        MultiLayerNetwork net = MlpNetworkFactory.build(digits.inputWidth(), 10, true, params, 1);
        DataSet train = new DataSet(Nd4j.create(digits.trainX()), Nd4j.create(digits.trainY()));
        List<DataSet> batches = train.batchBy(64);
        for (int e = 0; e < WARMUP_EPOCHS; e++) {
            batches.forEach(net::fit);
        }
        double[] rates = new double[REPEATS];
        for (int r = 0; r < REPEATS; r++) {
            long start = System.nanoTime();
            for (int e = 0; e < TIMED_EPOCHS; e++) {
                batches.forEach(net::fit);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            rates[r] = TIMED_EPOCHS * digits.trainX().length / seconds;
        }
        Arrays.sort(rates);
        double accuracy = accuracyAfter20Epochs(digits, params);
        System.out.printf("RESULT %.1f %.4f%n", rates[REPEATS / 2], accuracy);
    }

    private static double accuracyAfter20Epochs(PreparedData digits, TrialParams params) {
        List<Map<String, Double>> curve = new ArrayList<>();
        TrainingResult result = SupervisedTrainer.train(List.of(digits), spec(), params, 1, new TrainingMonitor() {
            @Override
            public boolean stopRequested() {
                return false;
            }

            @Override
            public boolean afterEpoch(int epoch, Map<String, Double> metrics) {
                curve.add(metrics);
                return true;
            }
        });
        return result instanceof TrainingResult.Finished
                ? curve.get(curve.size() - 1).get("val_accuracy")
                : Double.NaN;
    }

    private static double[] inChildJvm(int threads) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classpath = System.getProperty("java.class.path");
        Process p = new ProcessBuilder(JvmCommand.self(java, classpath, "training", "--threads", "" + threads))
                .redirectErrorStream(true)
                .start();
        double[] result = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("RESULT ")) {
                    String[] parts = line.split(" ");
                    result = new double[] {Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
                }
            }
        }
        if (p.waitFor() != 0 || result == null) {
            throw new IllegalStateException("benchmark JVM for " + threads + " thread(s) failed");
        }
        return result;
    }

    static TrainingSpec spec() {
        return new TrainingSpec(
                "label",
                TrainingSpec.CLASSIFICATION,
                List.of(),
                new TrainingSpec.ModelSpec("mlp", null, null, null),
                new TrainingSpec.ObjectiveSpec("val_accuracy", "maximize", "last"),
                new TrainingSpec.ValidationSpec("holdout", 0.2, null, null),
                new TrainingSpec.AlgorithmSpec("random", 0),
                null);
    }
}
