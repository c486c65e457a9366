package dev.anneal.worker.train;

import static dev.anneal.worker.train.Hyperparameters.ACTIVATION;
import static dev.anneal.worker.train.Hyperparameters.DROPOUT;
import static dev.anneal.worker.train.Hyperparameters.HIDDEN_LAYERS;
import static dev.anneal.worker.train.Hyperparameters.L1;
import static dev.anneal.worker.train.Hyperparameters.LEARNING_RATE;
import static dev.anneal.worker.train.Hyperparameters.MOMENTUM;
import static dev.anneal.worker.train.Hyperparameters.OPTIMIZER;
import static dev.anneal.worker.train.Hyperparameters.UNITS;
import static dev.anneal.worker.train.Hyperparameters.WEIGHT_DECAY;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** Builds the multilayer perceptron a trial's parameters describe. */
public final class MlpNetworkFactory {

    private MlpNetworkFactory() {}

    /**
     * @param outputs classes for classification, 1 for regression
     * @param seed fixes weight initialization and dropout masks
     */
    public static MultiLayerNetwork build(int inputs, int outputs, boolean classification, TrialParams p, long seed) {
        Activation activation = activation(p.getString(ACTIVATION));
        var list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(updater(p))
                .weightInit(
                        activation == Activation.TANH || activation == Activation.SIGMOID
                                ? WeightInit.XAVIER
                                : WeightInit.RELU)
                .l2(p.getDouble(WEIGHT_DECAY))
                .l1(p.getDouble(L1))
                .list();
        int units = p.getInt(UNITS);
        double dropout = p.getDouble(DROPOUT);
        int width = inputs;
        for (int i = 0; i < p.getInt(HIDDEN_LAYERS); i++) {
            var dense = new DenseLayer.Builder().nIn(width).nOut(units).activation(activation);
            if (dropout > 0) {
                // DL4J's dropOut takes the probability of *keeping* an input
                dense.dropOut(1.0 - dropout);
            }
            list.layer(dense.build());
            width = units;
        }
        list.layer(new OutputLayer.Builder(classification ? LossFunction.MCXENT : LossFunction.MSE)
                .nIn(width)
                .nOut(outputs)
                .activation(classification ? Activation.SOFTMAX : Activation.IDENTITY)
                .build());
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }

    static IUpdater updater(TrialParams p) {
        double lr = p.getDouble(LEARNING_RATE);
        return switch (p.getString(OPTIMIZER)) {
            case "sgd" -> new Sgd(lr);
            case "nesterov" -> new Nesterovs(lr, p.getDouble(MOMENTUM));
            case "rmsprop" -> new RmsProp(lr);
            case "adam" -> new Adam(lr);
            default -> throw new IllegalArgumentException("unknown optimizer " + p.getString(OPTIMIZER));
        };
    }

    static Activation activation(String name) {
        return switch (name) {
            case "relu" -> Activation.RELU;
            case "leakyrelu" -> Activation.LEAKYRELU;
            case "elu" -> Activation.ELU;
            case "selu" -> Activation.SELU;
            case "gelu" -> Activation.GELU;
            case "swish" -> Activation.SWISH;
            case "tanh" -> Activation.TANH;
            case "sigmoid" -> Activation.SIGMOID;
            default -> throw new IllegalArgumentException("unknown activation " + name);
        };
    }
}
