package dev.anneal.worker.config;

/**
 * Lets DL4J use its oneDNN layer helpers (convolution, pooling, batch normalization), which
 * make a LeNet-sized CNN about 4x faster on a CPU. DL4J 1.0.0-M2.1 leaves them off unless the
 * system property below is {@code false}, and even then drops them because its check looks up a
 * class the release does not ship ({@code org.nd4j.nativeblas.Nd4jCpu}, provided in this module).
 * The worker depends on the {@code linux-x86_64-onednn} build of nd4j-native, which contains
 * oneDNN. A property set on the command line wins, so {@code
 * -Dorg.eclipse.deeplearning4j.helpers.disable=true} turns the helpers off again.
 */
public final class OneDnnHelpers {

    static final String PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    private OneDnnHelpers() {}

    /** Read by DL4J whenever a layer is created, so calling this before building networks suffices. */
    public static void enable() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "false");
        }
    }
}
