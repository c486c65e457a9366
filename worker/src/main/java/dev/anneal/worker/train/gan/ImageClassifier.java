package dev.anneal.worker.train.gan;

import dev.anneal.spec.JobSpec.ImageShape;
import dev.anneal.worker.train.MatrixRows;
import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * A small CNN trained on a dataset's real images and their class labels, the judge of an image
 * GAN's samples: its penultimate layer is the feature space of {@link FrechetDistance}, its class
 * probabilities say how recognizable each sample is. Architecture (LeNet-like, about 99% on
 * MNIST): two "same" 5 × 5 convolutions of 16 and 32 filters (ReLU), each followed by 2 × 2 max
 * pooling, a dense layer of {@value #FEATURES} units (ReLU) and a softmax over the classes.
 *
 * <p>Not thread-safe: a DL4J network must not run two forward passes at once.
 */
public final class ImageClassifier {

    /** Width of the feature space. */
    public static final int FEATURES = 64;

    static final int EPOCHS = 3;

    private static final int BATCH = 64;
    private static final double LEARNING_RATE = 1e-3;
    /** Index of the dense layer's activations in {@link MultiLayerNetwork#feedForward}'s list (0 is the input). */
    private static final int FEATURE_ACTIVATIONS = 5;

    private final MultiLayerNetwork net;

    private ImageClassifier(MultiLayerNetwork net) {
        this.net = net;
    }

    /** Features and class probabilities of some images, one row each. */
    public record Scores(float[][] features, float[][] probabilities) {}

    /**
     * Trains for {@value #EPOCHS} epochs on every training image.
     *
     * @param rows images as rows of pixels in [0, 1]
     * @param oneHotClasses each row's class, one-hot
     * @param seed fixes initialization and shuffling
     */
    public static ImageClassifier train(float[][] rows, float[][] oneHotClasses, ImageShape shape, long seed) {
        var list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.RELU)
                .updater(new Adam(LEARNING_RATE))
                .list()
                .layer(convolution(16))
                .layer(pooling())
                .layer(convolution(32))
                .layer(pooling())
                .layer(new DenseLayer.Builder()
                        .nOut(FEATURES)
                        .activation(Activation.RELU)
                        .build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT)
                        .nOut(oneHotClasses[0].length)
                        .activation(Activation.SOFTMAX)
                        .build())
                .setInputType(InputType.convolutionalFlat(shape.height(), shape.width(), shape.channels()));
        MultiLayerNetwork net = GanNetworks.initialized(list);
        DataSet data = new DataSet(Nd4j.create(rows), Nd4j.create(oneHotClasses));
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            data.shuffle(seed + epoch);
            for (DataSet batch : data.batchBy(BATCH)) {
                net.fit(batch);
            }
        }
        return new ImageClassifier(net);
    }

    /** @param rows images as rows of pixels in [0, 1], at least one */
    public Scores score(float[][] rows) {
        return score(Nd4j.create(rows));
    }

    Scores score(INDArray rows) {
        List<INDArray> activations = net.feedForward(rows, false);
        return new Scores(
                MatrixRows.of(activations.get(FEATURE_ACTIVATIONS)),
                MatrixRows.of(activations.get(activations.size() - 1)));
    }

    /** Classes the classifier tells apart. */
    public int classes() {
        return net.layerSize(net.getnLayers() - 1);
    }

    private static ConvolutionLayer convolution(int filters) {
        return new ConvolutionLayer.Builder()
                .nOut(filters)
                .kernelSize(5, 5)
                .convolutionMode(ConvolutionMode.Same)
                .activation(Activation.RELU)
                .build();
    }

    private static SubsamplingLayer pooling() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                .kernelSize(2, 2)
                .stride(2, 2)
                .build();
    }
}
