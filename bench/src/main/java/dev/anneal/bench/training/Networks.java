package dev.anneal.bench.training;

import dev.anneal.worker.train.FusedLstmLayer;
import dev.anneal.worker.train.lstm.BatchedLstmLayer;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The reference networks built with DL4J directly (Adam 1e-3, float32). The MLP is configured as
 * {@code MlpNetworkFactory} configures it for these parameters, so its numbers carry over to the
 * product; the workspace and cache modes are parameters because they are what is being compared.
 */
final class Networks {

    private Networks() {}

    /** @param lstm the LSTM layer: {@code dl4j}, {@code fused} or {@code batched} (see {@link LoopSettings}) */
    static MultiLayerNetwork build(Model model, WorkspaceMode workspaces, CacheMode cache, String lstm) {
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(1)
                .dataType(DataType.FLOAT)
                .updater(new Adam(1e-3))
                .trainingWorkspaceMode(workspaces)
                .inferenceWorkspaceMode(workspaces)
                .cacheMode(cache);
        var list = switch (model) {
            case MLP ->
                base.weightInit(WeightInit.RELU)
                        .list()
                        .layer(dense(256))
                        .layer(dense(256))
                        .layer(softmax())
                        .setInputType(InputType.feedForward(64));
            case CNN ->
                base.weightInit(WeightInit.RELU)
                        .list()
                        .layer(convolution(20))
                        .layer(maxPool())
                        .layer(convolution(50))
                        .layer(maxPool())
                        .layer(dense(500))
                        .layer(softmax())
                        .setInputType(InputType.convolutionalFlat(28, 28, 1));
            case LSTM ->
                base.weightInit(WeightInit.XAVIER)
                        .list()
                        .layer(
                                switch (lstm) {
                                    case "fused" -> new FusedLstmLayer(Workloads.LSTM_FEATURES, 64);
                                    case "batched" -> new BatchedLstmLayer(Workloads.LSTM_FEATURES, 64);
                                    default ->
                                        new LastTimeStep(new LSTM.Builder()
                                                .nOut(64)
                                                .activation(Activation.TANH)
                                                .build());
                                })
                        .layer(softmax())
                        .setInputType(InputType.recurrent(Workloads.LSTM_FEATURES, Workloads.LSTM_STEPS));
        };
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    private static DenseLayer dense(int units) {
        return new DenseLayer.Builder().nOut(units).activation(Activation.RELU).build();
    }

    private static OutputLayer softmax() {
        return new OutputLayer.Builder(LossFunction.MCXENT)
                .nOut(10)
                .activation(Activation.SOFTMAX)
                .build();
    }

    private static ConvolutionLayer convolution(int channels) {
        return new ConvolutionLayer.Builder(5, 5)
                .nOut(channels)
                .stride(1, 1)
                .activation(Activation.RELU)
                .build();
    }

    private static SubsamplingLayer maxPool() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                .kernelSize(2, 2)
                .stride(2, 2)
                .build();
    }
}
