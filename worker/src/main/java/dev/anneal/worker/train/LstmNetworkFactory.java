package dev.anneal.worker.train;

import static dev.anneal.worker.train.Hyperparameters.DROPOUT;
import static dev.anneal.worker.train.Hyperparameters.HIDDEN_LAYERS;
import static dev.anneal.worker.train.Hyperparameters.UNITS;

import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;

/**
 * Builds stacked LSTM layers over {@code [rows, features, timesteps]} input; the last layer is
 * read at its last time step only, so the output layer sees one vector per sequence. The layers
 * are {@link FusedLstmLayer}s: libnd4j's fused {@code lstmLayer} op runs a whole sequence in one
 * native call, where DL4J's own {@code LSTM} runs thousands of small ops a step from Java (about
 * 2x slower on 50-step sequences). Dropout sits between stacked layers and before the output.
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
            if (dropout > 0 && i > 0) {
                list.layer(new DropoutLayer.Builder(1.0 - dropout).build()); // DL4J takes the keep probability
            }
            list.layer(new FusedLstmLayer(width, units, i < layers - 1));
            width = units;
        }
        if (dropout > 0) {
            list.layer(new DropoutLayer.Builder(1.0 - dropout).build());
        }
        list.layer(OutputLayers.of(width, outputs, classification));
        return MlpNetworkFactory.init(list);
    }
}
