package dev.anneal.bench.training;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.WorkspaceMode;

/**
 * One way of driving training: how batches are made, whether the data is shuffled each epoch,
 * which {@code fit} is called, whether the score is read after each batch, and the network's
 * workspace and cache modes. Written as {@code key=value,...} so a child JVM can be told.
 *
 * @param lstm {@code lstm=dl4j}: DL4J's {@code LSTM} + {@code LastTimeStep}; {@code fused}:
 *     FusedLstmLayer (libnd4j's fused op); {@code batched}: BatchedLstmLayer (Java time loop, OpenBLAS)
 * @param batching {@code batchby}: {@code DataSet.batchBy} every epoch (as MlpTrainer does);
 *     {@code presplit}: {@code batchBy} once, batches reused; {@code pull}: a seeded index
 *     permutation per epoch and {@code Nd4j.pullRows} per batch (shuffles for free)
 */
record LoopSettings(
        String batching,
        boolean shuffle,
        boolean fitArrays,
        boolean score,
        WorkspaceMode workspaces,
        CacheMode cache,
        String lstm) {

    static final java.util.List<String> LSTM_LAYERS = java.util.List.of("dl4j", "fused", "batched");

    /** MlpTrainer's loop today: shuffle, batchBy, fit(DataSet), score() every batch. */
    static final String PRODUCT = "batching=batchby,shuffle=true,fit=dataset,score=true";

    /** The recommended loop: the same shuffling and score, without the per-epoch DataSet churn. */
    static final String TUNED = "batching=pull,shuffle=false,fit=arrays,score=true";

    static LoopSettings parse(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("batching", "batchby");
        m.put("shuffle", "true");
        m.put("fit", "dataset");
        m.put("score", "true");
        m.put("workspace", "enabled");
        m.put("cache", "none");
        m.put("lstm", "dl4j");
        for (String pair : text.split(",")) {
            if (!pair.isBlank()) {
                String[] kv = pair.split("=", 2);
                if (!m.containsKey(kv[0])) {
                    throw new IllegalArgumentException("unknown loop setting " + kv[0]);
                }
                m.put(kv[0], kv[1]);
            }
        }
        return new LoopSettings(
                m.get("batching"),
                Boolean.parseBoolean(m.get("shuffle")),
                m.get("fit").equals("arrays"),
                Boolean.parseBoolean(m.get("score")),
                WorkspaceMode.valueOf(m.get("workspace").toUpperCase(java.util.Locale.ROOT)),
                CacheMode.valueOf(m.get("cache").toUpperCase(java.util.Locale.ROOT)),
                lstm(m.get("lstm")));
    }

    private static String lstm(String kind) {
        if (!LSTM_LAYERS.contains(kind)) {
            throw new IllegalArgumentException("lstm must be one of " + LSTM_LAYERS + ", got " + kind);
        }
        return kind;
    }
}
