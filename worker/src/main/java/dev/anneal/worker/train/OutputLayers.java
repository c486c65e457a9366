package dev.anneal.worker.train;

import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** The output layer of every supervised family: softmax with cross-entropy, or one linear unit with MSE. */
final class OutputLayers {

    private OutputLayers() {}

    static OutputLayer of(int inputs, int outputs, boolean classification) {
        return new OutputLayer.Builder(classification ? LossFunction.MCXENT : LossFunction.MSE)
                .nIn(inputs)
                .nOut(outputs)
                .activation(classification ? Activation.SOFTMAX : Activation.IDENTITY)
                .build();
    }
}
