package dev.anneal.worker.config;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.Nd4jBlas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps ND4J's native threads (its OpenMP pool and OpenBLAS) so that concurrent trials share the
 * cores instead of fighting over them: on 2 cores a small MLP ran several times slower with the
 * default thread count while another trial was busy. Setting {@code OMP_NUM_THREADS} before the
 * JVM starts works too; this does it from configuration.
 */
public final class Nd4jThreads {

    private static final Logger log = LoggerFactory.getLogger(Nd4jThreads.class);

    private Nd4jThreads() {}

    public static synchronized void limit(int threads) {
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        if (Nd4j.factory().blas() instanceof Nd4jBlas blas) {
            blas.setMaxThreads(threads);
        }
        log.info(
                "ND4J backend {} limited to {} thread(s) per trial",
                Nd4j.getBackend().getClass().getSimpleName(),
                threads);
    }
}
