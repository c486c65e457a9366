package dev.anneal.worker.train;

import static dev.anneal.spec.catalog.Hyperparameters.BATCH_NORM;
import static dev.anneal.spec.catalog.Hyperparameters.DROPOUT;
import static dev.anneal.spec.catalog.Hyperparameters.HIDDEN_LAYERS;
import static dev.anneal.spec.catalog.Hyperparameters.UNITS;

import dev.anneal.spec.catalog.Hyperparameters;
import dev.anneal.spec.catalog.TrialParams;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;

/** Builds the multilayer perceptron a trial's parameters describe. */
public final class MlpNetworkFactory {

    private MlpNetworkFactory() {}

    /**
     * @param outputs classes for classification, 1 for regression
     * @param seed fixes weight initialization and dropout masks
     */
    static MultiLayerNetwork build(
            int inputs, int outputs, boolean classification, TrialParams p, long seed, int iterationsPerEpoch) {
        Activation activation = NetworkSettings.activation(p);
        var list = NetworkSettings.builder(
                        p, NetworkSettings.learningRate(p), seed, p.getInt(Hyperparameters.EPOCHS), iterationsPerEpoch)
                .weightInit(NetworkSettings.weightInit(activation))
                .list();
        int units = p.getInt(UNITS);
        double dropout = p.getDouble(DROPOUT);
        boolean batchNorm = p.getBoolean(BATCH_NORM);
        int width = inputs;
        for (int i = 0; i < p.getInt(HIDDEN_LAYERS); i++) {
            var dense = new DenseLayer.Builder().nIn(width).nOut(units).activation(activation);
            if (dropout > 0) {
                // DL4J's dropOut takes the probability of *keeping* an input
                dense.dropOut(1.0 - dropout);
            }
            list.layer(dense.build());
            if (batchNorm) {
                list.layer(new BatchNormalization.Builder().nOut(units).build());
            }
            width = units;
        }
        list.layer(OutputLayers.of(width, outputs, classification));
        return init(list);
    }

    static MultiLayerNetwork init(NeuralNetConfiguration.ListBuilder list) {
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }
}
