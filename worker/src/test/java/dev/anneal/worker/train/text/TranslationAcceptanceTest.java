package dev.anneal.worker.train.text;

import dev.anneal.data.CsvTable;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.worker.config.Nd4jThreads;
import dev.anneal.worker.prepare.DataPreparation;
import dev.anneal.worker.prepare.PreparationOptions;
import dev.anneal.worker.prepare.PreparedData;
import dev.anneal.worker.train.TrainingMonitor;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * A measurement harness for grapheme-to-phoneme translation on the CMU dictionary, as a worker
 * runs one trial: prints each epoch's metrics and the seconds since the start. Opt-in with
 * {@code ANNEAL_G2P_ACCEPTANCE=1}; {@code ANNEAL_G2P_STRIDE} keeps every n-th word (default 1:
 * all 111,487), {@code ANNEAL_G2P_THREADS} sets the ND4J threads (default 2) and {@code
 * ANNEAL_G2P_PARAMS} overrides trial parameters as {@code name=value,...} (numbers with a dot
 * are reals, other numbers integers, the rest strings).
 */
@EnabledIfEnvironmentVariable(named = "ANNEAL_G2P_ACCEPTANCE", matches = "1")
class TranslationAcceptanceTest {

    @Test
    void measuresOneTrial() throws Exception {
        Nd4jThreads.limit(Integer.parseInt(System.getenv().getOrDefault("ANNEAL_G2P_THREADS", "2")));
        int stride = Integer.parseInt(System.getenv().getOrDefault("ANNEAL_G2P_STRIDE", "1"));
        CsvTable words = TranslationTest.cmudict(stride);
        JobSpec spec = TranslationTest.spec(1);
        Map<String, Object> values = new HashMap<>(Map.of(
                "tokenization", "characters",
                "maxLength", 20L,
                "embeddingSize", 32L,
                "units", 160L,
                "hiddenLayers", 1L,
                "epochs", 5L,
                "batchSize", 128L,
                "learningRate", 0.006,
                "lrSchedule", "cosine",
                "gradientClipping", 1.0));
        for (String pair : System.getenv().getOrDefault("ANNEAL_G2P_PARAMS", "").split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] kv = pair.split("=", 2);
            Object value = kv[1].matches("true|false")
                    ? (Object) Boolean.parseBoolean(kv[1])
                    : kv[1].matches("-?\\d+")
                            ? (Object) Long.parseLong(kv[1])
                            : kv[1].matches("-?[\\d.eE-]+") ? (Object) Double.parseDouble(kv[1]) : kv[1];
            values.put(kv[0], value);
        }
        TrialParams params = new TrialParams(values);
        PreparedData data = DataPreparation.prepare(words, spec, PreparationOptions.of(params))
                .get(0);
        long start = System.nanoTime();
        System.out.printf(
                "G2P %s: %d training, %d validation words%n", values, data.trainX().length, data.validationX().length);
        TranslationRun.train(data, spec, params, 5, new TrainingMonitor() {
            @Override
            public boolean stopRequested() {
                return false;
            }

            @Override
            public boolean afterEpoch(int epoch, Map<String, Double> metrics) {
                System.out.printf("G2P epoch %d at %.0f s: %s%n", epoch, (System.nanoTime() - start) / 1e9, metrics);
                return true;
            }
        });
    }
}
