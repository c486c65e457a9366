package dev.anneal.worker.train.text;

import static dev.anneal.spec.catalog.Hyperparameters.ATTENTION;
import static dev.anneal.spec.catalog.Hyperparameters.BIDIRECTIONAL;
import static dev.anneal.spec.catalog.Hyperparameters.DROPOUT;
import static dev.anneal.spec.catalog.Hyperparameters.EMBEDDING_SIZE;
import static dev.anneal.spec.catalog.Hyperparameters.EPOCHS;
import static dev.anneal.spec.catalog.Hyperparameters.HIDDEN_LAYERS;
import static dev.anneal.spec.catalog.Hyperparameters.UNITS;

import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.worker.train.NetworkSettings;
import dev.anneal.worker.train.lstm.BatchedLstmLayer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.AttentionVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.rnn.DuplicateToTimeSeriesVertex;
import org.deeplearning4j.nn.conf.graph.rnn.LastTimeStepVertex;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * An encoder–decoder of LSTMs (Cho et al. 2014, "Learning Phrase Representations using RNN
 * Encoder–Decoder"): the encoder reads the source's embedded tokens (masked) and its state after
 * the last real token is the context; the decoder reads the target so far (teacher forcing in
 * training, its own outputs in {@link BeamDecoder}) with the context beside every step's
 * embedding, and a softmax over the target vocabulary predicts the next token. With {@code
 * attention}, each decoder output also reads a dot-product attention mix of the encoder's outputs
 * at every real source step (Luong et al. 2015), which a long source's single state cannot carry.
 * With {@code bidirectional} the encoder's layers also read the source backwards, and the
 * attention reads both directions at each step. The context is the encoder's output at the last
 * real step: without attention the layer's last-step output, so the backward half is its state
 * after reading back to the first token; with attention the sequence's last real step, where the
 * backward half has read only the last token (the attention sees the rest).
 *
 * <p>Inputs: {@value #SOURCE} {@code [rows, sourceLength]} ids and {@value #DECODER}
 * {@code [rows, targetSteps]} ids, each with its mask.
 */
public final class TranslationNetwork {

    public static final String SOURCE = "source";
    public static final String DECODER = "decoderIn";

    private TranslationNetwork() {}

    public static ComputationGraph build(
            int sourceVocabulary,
            int sourceLength,
            int targetVocabulary,
            int targetSteps,
            TrialParams p,
            long seed,
            int iterationsPerEpoch) {
        int embedding = p.getInt(EMBEDDING_SIZE);
        int units = p.getInt(UNITS);
        int layers = p.getInt(HIDDEN_LAYERS);
        double dropout = p.getDouble(DROPOUT);
        ComputationGraphConfiguration.GraphBuilder g = NetworkSettings.builder(
                        p, NetworkSettings.learningRate(p), seed, p.getInt(EPOCHS), iterationsPerEpoch)
                .weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs(SOURCE, DECODER);
        boolean attention = p.getBoolean(ATTENTION);
        g.addLayer("sourceEmbedding", embedding(sourceVocabulary, embedding, sourceLength), SOURCE);
        boolean bidirectional = p.getBoolean(BIDIRECTIONAL);
        int encodedWidth = bidirectional ? 2 * units : units;
        String encoded =
                stack(g, "encoder", "sourceEmbedding", embedding, units, layers, dropout, attention, bidirectional);
        String last = encoded;
        if (attention) {
            g.addVertex("encoderLast", new LastTimeStepVertex(SOURCE), encoded);
            last = "encoderLast";
        }
        g.addVertex("context", new DuplicateToTimeSeriesVertex(DECODER), last);
        g.addLayer("targetEmbedding", embedding(targetVocabulary, embedding, targetSteps), DECODER);
        g.addVertex("decoderInput", new MergeVertex(), "targetEmbedding", "context");
        String decoded =
                stack(g, "decoder", "decoderInput", embedding + encodedWidth, units, layers, dropout, true, false);
        if (attention) {
            // Luong et al. 2015's global attention: each decoder step's output asks the encoder's
            // real steps (the keys' mask hides the padding) for a weighted mix of them, read beside it
            g.addVertex(
                    "attention",
                    new AttentionVertex.Builder()
                            .nInQueries(units)
                            .nInKeys(encodedWidth)
                            .nInValues(encodedWidth)
                            .nOut(units)
                            .nHeads(1)
                            .projectInput(true)
                            .build(),
                    decoded,
                    encoded,
                    encoded);
            g.addVertex("attended", new MergeVertex(), decoded, "attention");
            decoded = "attended";
        }
        g.addLayer(
                "output",
                new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .activation(Activation.SOFTMAX)
                        .dataFormat(RNNFormat.NCW)
                        .nIn(attention ? 2 * units : units)
                        .nOut(targetVocabulary)
                        .build(),
                decoded);
        g.setOutputs("output");
        ComputationGraph net = new ComputationGraph(g.build());
        net.init();
        return net;
    }

    /**
     * The decoder's ids {@code [rows, steps]} as {@code [rows, 1, steps]}: the embedding reads
     * either, but the vertex that repeats the context reads the time steps from dimension 2.
     */
    public static INDArray decoderInput(INDArray ids) {
        return ids.reshape(ids.size(0), 1, ids.size(1));
    }

    private static EmbeddingSequenceLayer embedding(int vocabulary, int size, int length) {
        return new EmbeddingSequenceLayer.Builder()
                .nIn(vocabulary)
                .nOut(size)
                .inputLength(length)
                // batches are cut to their longest row, and greedy decoding feeds the tokens so far
                .inferInputLength(true)
                .outputDataFormat(RNNFormat.NCW)
                .build();
    }

    /**
     * Stacked LSTM layers with dropout between them; unless {@code sequenceOut}, the last one
     * returns its last real step only.
     */
    private static String stack(
            ComputationGraphConfiguration.GraphBuilder g,
            String name,
            String input,
            int width,
            int units,
            int layers,
            double dropout,
            boolean sequenceOut,
            boolean bidirectional) {
        String last = input;
        for (int i = 0; i < layers; i++) {
            var layer = new BatchedLstmLayer.Builder()
                    .nIn(i == 0 ? width : (bidirectional ? 2 * units : units))
                    .nOut(units)
                    .bidirectional(bidirectional)
                    .returnSequences(sequenceOut || i < layers - 1);
            if (dropout > 0 && i > 0) {
                // the layer drops its own input: a DropoutLayer fails on masked sequences in DL4J 1.0.0-M2.1
                layer.dropOut(1.0 - dropout);
            }
            g.addLayer(name + i, layer.build(), last);
            last = name + i;
        }
        return last;
    }
}
