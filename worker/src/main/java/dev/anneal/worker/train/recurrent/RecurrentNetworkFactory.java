package dev.anneal.worker.train.recurrent;

import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Builds stacked LSTM networks for inputs {@code [examples, features, timesteps]} with one
 * prediction per sequence: the last LSTM layer is wrapped in {@link LastTimeStep}, so the output
 * layer sees a 2D {@code [examples, units]} and labels stay 2D like the MLP's.
 *
 * <p>LSTM, not GRU: DL4J 1.0.0-M2.1 has no GRU layer for {@link MultiLayerNetwork} (only ND4J ops
 * for SameDiff).
 */
public final class RecurrentNetworkFactory {

    private RecurrentNetworkFactory() {}

    /**
     * @param features values per time step
     * @param outputs classes for classification, 1 for regression
     * @param seed fixes weight initialization and dropout masks
     */
    public static MultiLayerNetwork build(
            int features,
            int outputs,
            boolean classification,
            RecurrentSettings settings,
            IUpdater updater,
            double l1,
            double l2,
            long seed) {
        var builder = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(updater)
                .weightInit(WeightInit.XAVIER)
                .l1(l1)
                .l2(l2);
        if (settings.gradientClipping() > 0) {
            // Rescaling a layer's whole gradient to the threshold keeps its direction (norm
            // clipping, Pascanu et al. 2013); clipping each element separately would turn an
            // exploding step into one along a different direction.
            builder.gradientNormalization(GradientNormalization.ClipL2PerLayer)
                    .gradientNormalizationThreshold(settings.gradientClipping());
        }
        var list = builder.list();
        int width = features;
        for (int i = 0; i < settings.layers(); i++) {
            var lstm = new LSTM.Builder().nIn(width).nOut(settings.units()).activation(Activation.TANH);
            if (i > 0) {
                dropInputs(lstm, settings);
            }
            Layer layer = lstm.build();
            list.layer(i == settings.layers() - 1 ? new LastTimeStep(layer) : layer);
            width = settings.units();
        }
        var output = new OutputLayer.Builder(classification ? LossFunction.MCXENT : LossFunction.MSE)
                .nIn(width)
                .nOut(outputs)
                .activation(classification ? Activation.SOFTMAX : Activation.IDENTITY);
        dropInputs(output, settings);
        list.layer(output.build());
        list.setInputType(InputType.recurrent(features));
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    private static void dropInputs(Layer.Builder<?> layer, RecurrentSettings settings) {
        if (settings.dropout() > 0) {
            // DL4J's dropOut takes the probability of *keeping* an input
            layer.dropOut(1.0 - settings.dropout());
        }
    }
}
