package dev.anneal.worker.config;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.nd4j.nativeblas.Nd4jBlas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps ND4J's native threads (its OpenMP pool and OpenBLAS) so that concurrent trials share the
 * cores instead of fighting over them: on 2 cores a small MLP ran several times slower with the
 * default thread count while another trial was busy. In libnd4j 1.0.0-M2.1
 * {@code Environment.setMaxThreads} does nothing (its body is commented out), so the OpenMP
 * limit is set through {@code setOmpNumThreads}. OpenMP's wait policy can only be set before the
 * native library loads: with more than one thread per trial, start the JVM with
 * {@code OMP_WAIT_POLICY=PASSIVE} (the Docker image and {@code .ci/run} do), or idle OpenMP
 * threads spin and two threads run up to 20x slower than one on a busy machine.
 */
public final class Nd4jThreads {

    private static final Logger log = LoggerFactory.getLogger(Nd4jThreads.class);

    private Nd4jThreads() {}

    public static synchronized void limit(int threads) {
        // where a process sets ND4J up for training: also take out its per-array overheads
        Nd4jDeallocation.install();
        Nd4jShapeInfoCache.install();
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        if (Nd4j.factory().blas() instanceof Nd4jBlas blas) {
            blas.setMaxThreads(threads);
        }
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        if (threads > 1 && !"PASSIVE".equalsIgnoreCase(System.getenv("OMP_WAIT_POLICY"))) {
            log.warn(
                    "OMP_WAIT_POLICY is not PASSIVE: with {} OpenMP threads per trial, idle threads spin and"
                            + " can slow training many times on a busy machine; set OMP_WAIT_POLICY=PASSIVE",
                    threads);
        }
        log.info(
                "ND4J backend {} limited to {} thread(s) per trial",
                Nd4j.getBackend().getClass().getSimpleName(),
                threads);
    }
}
