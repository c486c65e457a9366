package dev.anneal.bench.training;

import dev.anneal.worker.config.Nd4jThreads;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The ways a JVM can cap ND4J's threads, compared by {@code training-env}. In 1.0.0-M2.1
 * {@code Environment.setMaxThreads} is a no-op in libnd4j (its body is commented out), so
 * {@link Nd4jThreads#limit} leaves the native op thread pool at the core count; only
 * {@code OMP_NUM_THREADS} at JVM start or {@code NativeOps.setOmpNumThreads} reach it.
 */
final class ThreadLimit {

    private ThreadLimit() {}

    /**
     * @param how {@code nd4j}: the product's {@link Nd4jThreads#limit}; {@code omp-api}: that
     *     and {@code setOmpNumThreads}; {@code none}: leave it to the environment
     */
    static void apply(String how, int threads) {
        switch (how) {
            case "nd4j" -> Nd4jThreads.limit(threads);
            case "omp-api" -> {
                Nd4jThreads.limit(threads);
                NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
            }
            case "none" -> {}
            default -> throw new IllegalArgumentException("unknown --limit " + how);
        }
    }
}
