package org.nd4j.nativeblas;

/**
 * Benchmark-only shim that lets DL4J 1.0.0-M2.1 use its oneDNN layer helpers. Its
 * {@code BaseMKLDNNHelper.mklDnnEnabled()} looks this class up by name to ask whether libnd4j was
 * built with oneDNN, but M2.1 ships the bindings as {@code
 * org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu}, so the lookup fails and every helper is
 * dropped. Inert unless {@code -Dorg.eclipse.deeplearning4j.helpers.disable=false}.
 */
public final class Nd4jCpu {

    private Nd4jCpu() {}

    /** What {@code mklDnnEnabled()} calls reflectively: {@code getInstance().isUseMKLDNN()}. */
    public static final class Environment {

        private static final Environment INSTANCE = new Environment();

        private Environment() {}

        public static Environment getInstance() {
            return INSTANCE;
        }

        public boolean isUseMKLDNN() {
            return NativeOpsHolder.getInstance()
                    .getDeviceNativeOps()
                    .buildInfo()
                    .contains("HAVE_ONEDNN");
        }
    }
}
