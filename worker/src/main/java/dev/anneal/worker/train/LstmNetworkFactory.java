package dev.anneal.worker.train;

import static dev.anneal.worker.train.Hyperparameters.DROPOUT;
import static dev.anneal.worker.train.Hyperparameters.HIDDEN_LAYERS;
import static dev.anneal.worker.train.Hyperparameters.UNITS;

import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;

/**
 * Builds stacked LSTM layers over {@code [rows, features, timesteps]} input; the last layer is
 * read at its last time step only, so the output layer sees one vector per sequence.
 */
public final class LstmNetworkFactory {

    private LstmNetworkFactory() {}

    public static MultiLayerNetwork build(
            int features, int outputs, boolean classification, TrialParams p, long seed, int iterationsPerEpoch) {
        var list = NetworkSettings.builder(
                        p, NetworkSettings.learningRate(p), seed, p.getInt(Hyperparameters.EPOCHS), iterationsPerEpoch)
                .weightInit(WeightInit.XAVIER)
                .list();
        int units = p.getInt(UNITS);
        int layers = p.getInt(HIDDEN_LAYERS);
        double dropout = p.getDouble(DROPOUT);
        int width = features;
        for (int i = 0; i < layers; i++) {
            var lstm = new LSTM.Builder().nIn(width).nOut(units).activation(Activation.TANH);
            if (dropout > 0 && i > 0) {
                lstm.dropOut(1.0 - dropout); // between stacked layers; DL4J takes the keep probability
            }
            list.layer(i == layers - 1 ? new LastTimeStep(lstm.build()) : lstm.build());
            width = units;
        }
        list.layer(OutputLayers.of(width, outputs, classification));
        return MlpNetworkFactory.init(list);
    }
}
