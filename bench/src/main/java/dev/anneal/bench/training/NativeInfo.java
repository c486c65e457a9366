package dev.anneal.bench.training;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.mkldnn.BaseMKLDNNHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What the native backend will actually do, printed by each benchmark JVM: thread limits, whether
 * oneDNN (MKL-DNN) helpers are allowed and built in, and which helper each layer got. DL4J falls
 * back to its built-in implementation silently, so "helpers allowed" alone proves nothing.
 */
final class NativeInfo {

    private NativeInfo() {}

    static void print(MultiLayerNetwork net) {
        var env = Nd4j.getEnvironment();
        System.out.printf(
                "INFO maxThreads=%d maxMasterThreads=%d helpersAllowed=%s mklDnnEnabled=%s debug=%s verbose=%s%n",
                env.maxThreads(),
                env.maxMasterThreads(),
                env.helpersAllowed(),
                BaseMKLDNNHelper.mklDnnEnabled(),
                env.isDebug(),
                env.isVerbose());
        for (Layer layer : net.getLayers()) {
            System.out.printf("INFO layer %s helper=%s%n", layer.getClass().getSimpleName(), helperOf(layer));
        }
    }

    private static String helperOf(Layer layer) {
        try {
            Object helper = layer.getClass().getMethod("getHelper").invoke(layer);
            return helper == null ? "none" : helper.getClass().getSimpleName();
        } catch (ReflectiveOperationException e) {
            return "n/a";
        }
    }
}
