package dev.anneal.worker.train;

import static dev.anneal.spec.catalog.Hyperparameters.DROPOUT;
import static dev.anneal.spec.catalog.Hyperparameters.HIDDEN_LAYERS;
import static dev.anneal.spec.catalog.Hyperparameters.UNITS;

import dev.anneal.spec.catalog.Hyperparameters;
import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.worker.train.lstm.BatchedLstmLayer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Builds stacked LSTM layers over {@code [rows, features, timesteps]} input; the last layer is
 * read at its last time step only, so the output layer sees one vector per sequence. Dropout sits
 * between stacked layers and before the output.
 *
 * <p>The layers are {@link BatchedLstmLayer}s: one matrix product a time step through OpenBLAS on
 * buffers reused for every mini-batch, about 4x faster than the fused layer and 10x faster than
 * DL4J's {@code LSTM}. Not {@link FusedLstmLayer}: libnd4j 1.0.0-M2.1's {@code lstmLayer_bp} op
 * leaks its working buffers (about 1 MB a mini-batch for 32 rows of 24 steps and 32 units, never
 * freed), which grew a worker by gigabytes within one trial (see {@code SeriesLstmMemoryTest}).
 */
public final class LstmNetworkFactory {

    private LstmNetworkFactory() {}

    public static MultiLayerNetwork build(
            int features, int outputs, boolean classification, TrialParams p, long seed, int iterationsPerEpoch) {
        var list = list(p, seed, iterationsPerEpoch);
        readout(list, features, p);
        list.layer(OutputLayers.of(outputWidth(p), outputs, classification));
        return MlpNetworkFactory.init(list);
    }

    /**
     * The same stack over token ids ({@code [rows, maxLength]}, padded with 0 and masked): a
     * learned embedding of {@code embeddingSize} per token feeds the first LSTM layer. The
     * embedding of a masked step receives no gradient, as the LSTM hands none back for it.
     */
    public static MultiLayerNetwork buildText(
            int vocabulary, int outputs, boolean classification, TrialParams p, long seed, int iterationsPerEpoch) {
        var list = embedded(vocabulary, p.getInt(Hyperparameters.MAX_LENGTH), p, seed, iterationsPerEpoch);
        readout(list, p.getInt(Hyperparameters.EMBEDDING_SIZE), p);
        list.layer(OutputLayers.of(outputWidth(p), outputs, classification));
        return MlpNetworkFactory.init(list);
    }

    /**
     * A character language model: the text stack with every layer returning its whole sequence,
     * and a softmax over the vocabulary at every step (cross-entropy on the unmasked steps).
     *
     * @param length input steps: {@code maxLength + 1} (the start marker first)
     */
    public static MultiLayerNetwork buildLanguageModel(
            int vocabulary, int length, TrialParams p, long seed, int iterationsPerEpoch) {
        var list = embedded(vocabulary, length, p, seed, iterationsPerEpoch);
        stack(list, p.getInt(Hyperparameters.EMBEDDING_SIZE), p, true);
        double dropout = p.getDouble(DROPOUT);
        list.layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .activation(Activation.SOFTMAX)
                // the output layer drops its own input, for the same reason as in stack
                .dropOut(dropout > 0 ? 1.0 - dropout : 0)
                .dataFormat(RNNFormat.NCW) // as the LSTM layers hand it over (DL4J would otherwise infer NWC)
                .nIn(p.getInt(UNITS))
                .nOut(vocabulary)
                .build());
        return MlpNetworkFactory.init(list);
    }

    private static NeuralNetConfiguration.ListBuilder embedded(
            int vocabulary, int length, TrialParams p, long seed, int iterationsPerEpoch) {
        var list = list(p, seed, iterationsPerEpoch);
        list.layer(new EmbeddingSequenceLayer.Builder()
                .nIn(vocabulary)
                .nOut(p.getInt(Hyperparameters.EMBEDDING_SIZE))
                .inputLength(length)
                .outputDataFormat(RNNFormat.NCW)
                .build());
        return list;
    }

    private static NeuralNetConfiguration.ListBuilder list(TrialParams p, long seed, int iterationsPerEpoch) {
        return NetworkSettings.builder(
                        p, NetworkSettings.learningRate(p), seed, p.getInt(Hyperparameters.EPOCHS), iterationsPerEpoch)
                .weightInit(WeightInit.XAVIER)
                .list();
    }

    /**
     * The stack read out as one vector per sequence: the last real step's state ({@code last}),
     * or a max or mean over the real steps of the last layer's outputs. The pooling layer honours
     * the feature mask, so padding enters neither.
     */
    private static void readout(NeuralNetConfiguration.ListBuilder list, int features, TrialParams p) {
        String readout = p.getString(Hyperparameters.READOUT);
        if ("last".equals(readout)) {
            stack(list, features, p, false);
        } else {
            stack(list, features, p, true);
            list.layer(
                    new GlobalPoolingLayer.Builder("max".equals(readout) ? PoolingType.MAX : PoolingType.AVG).build());
        }
        // on the one vector per sequence: DL4J's masked pooling fails on a dropout layer's masked output
        outputDropout(list, p);
    }

    /** {@code hiddenLayers} LSTM layers of {@code units}, with dropout between them. */
    private static void stack(
            NeuralNetConfiguration.ListBuilder list, int features, TrialParams p, boolean sequenceOut) {
        int units = p.getInt(UNITS);
        int layers = p.getInt(HIDDEN_LAYERS);
        double dropout = p.getDouble(DROPOUT);
        boolean bidirectional = p.getBoolean(Hyperparameters.BIDIRECTIONAL);
        int width = features;
        for (int i = 0; i < layers; i++) {
            // every layer but the last hands its whole sequence to the next
            var layer = new BatchedLstmLayer.Builder()
                    .nIn(width)
                    .nOut(units)
                    .bidirectional(bidirectional)
                    .returnSequences(sequenceOut || i < layers - 1);
            if (dropout > 0 && i > 0) {
                // the layer drops its own input (DL4J takes the keep probability): a DropoutLayer
                // between recurrent layers fails on masked sequences in DL4J 1.0.0-M2.1
                layer.dropOut(1.0 - dropout);
            }
            list.layer(layer.build());
            width = outputWidth(p);
        }
    }

    /** Features the last LSTM layer hands on: {@code units}, both directions' when bidirectional. */
    private static int outputWidth(TrialParams p) {
        return p.getInt(UNITS) * (p.getBoolean(Hyperparameters.BIDIRECTIONAL) ? 2 : 1);
    }

    /** Dropout before the output layer. */
    private static void outputDropout(NeuralNetConfiguration.ListBuilder list, TrialParams p) {
        double dropout = p.getDouble(DROPOUT);
        if (dropout > 0) {
            list.layer(new DropoutLayer.Builder(1.0 - dropout).build());
        }
    }
}
