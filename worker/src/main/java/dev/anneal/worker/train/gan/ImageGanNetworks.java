package dev.anneal.worker.train.gan;

import dev.anneal.spec.JobSpec.ImageShape;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.distribution.NormalDistribution;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.Deconvolution2D;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The networks of a GAN over images of C × H × W pixels scaled to [0, 1], in the DCGAN pattern
 * (Radford et al. 2015) at MNIST scale, with f = {@code filters}:
 *
 * <ul>
 *   <li>generator: noise → dense (ReLU) to 2f maps of H/4 × W/4 → batch normalization →
 *       transposed convolution (4 × 4, stride 2, ReLU) to f maps of H/2 × W/2 → batch
 *       normalization → transposed convolution (4 × 4, stride 2, sigmoid) to C × H × W;
 *   <li>discriminator: pixels → convolution (4 × 4, stride 2, leaky ReLU) to f maps → convolution
 *       to 2f maps of H/4 × W/4 (leaky ReLU) → P(real);
 *   <li>the combined network, as in {@link GanNetworks}: the generator's layers, then the
 *       discriminator's frozen ones.
 * </ul>
 *
 * <p>Kernel 4, stride 2 and padding 1 halve (or double) a side exactly, so the generator's
 * output matches the input only when height and width are multiples of 4, which the api checks.
 * Strided convolutions rather than pooling. Batch normalization in the generator only, as DCGAN
 * has it: on 1,600 MNIST digits it lowered the best val_fid from 98 to 37 in the same six epochs.
 * The discriminator has none, since it is copied into the combined network after every step, and
 * batch statistics would differ between its real-and-fake batches and the combined network's
 * all-fake ones.
 */
final class ImageGanNetworks {

    static final int GENERATOR_LAYERS = 5;

    private static final int KERNEL = 4;

    private ImageGanNetworks() {}

    static MultiLayerNetwork discriminator(GanSettings s, long seed) {
        ImageShape image = s.image();
        var list = base(s, s.discriminatorLearningRate(), seed).list();
        discriminatorLayers(s, true).forEach(list::layer);
        // the discriminator alone reads rows of pixels, channel by channel, each row-major
        list.inputPreProcessor(0, new FeedForwardToCnnPreProcessor(image.height(), image.width(), image.channels()));
        list.inputPreProcessor(2, flatten(s));
        return GanNetworks.initialized(list);
    }

    static MultiLayerNetwork combined(GanSettings s, long seed) {
        var list = base(s, s.generatorLearningRate(), seed).list();
        generatorLayers(s).forEach(list::layer);
        // the frozen copy runs in test mode, where dropout does nothing; DL4J's convolution layer
        // would still ask for the dropout mask on the way back, and fail without it
        discriminatorLayers(s, false).forEach(layer -> list.layer(new FrozenLayerWithBackprop(layer)));
        generatorPreProcessors(s, list);
        list.inputPreProcessor(GENERATOR_LAYERS + 2, flatten(s));
        return GanNetworks.initialized(list);
    }

    static MultiLayerNetwork generator(GanSettings s) {
        var list = base(s, s.generatorLearningRate(), 0).list();
        generatorLayers(s).forEach(list::layer);
        generatorPreProcessors(s, list);
        return GanNetworks.initialized(list);
    }

    /**
     * {@link GanNetworks}' settings with DCGAN's initialization, N(0, 0.02): He initialization
     * (fine for the dense GAN) drove the sigmoid output into saturation at the start, where its
     * gradient vanishes, and the generator never caught up with the discriminator.
     */
    private static NeuralNetConfiguration.Builder base(GanSettings s, double learningRate, long seed) {
        return GanNetworks.base(s, learningRate, seed).weightInit(new NormalDistribution(0, 0.02));
    }

    private static List<Layer> generatorLayers(GanSettings s) {
        ImageShape image = s.image();
        int f = s.filters();
        List<Layer> layers = new ArrayList<>();
        long dense = 2L * f * (image.height() / 4) * (image.width() / 4);
        layers.add(new DenseLayer.Builder()
                .nIn(s.latentSize())
                .nOut(dense)
                .activation(Activation.RELU)
                .build());
        layers.add(new BatchNormalization.Builder().nIn(dense).nOut(dense).build());
        layers.add(upsampling(2 * f, f, Activation.RELU));
        layers.add(new BatchNormalization.Builder().nIn(f).nOut(f).build());
        layers.add(upsampling(f, image.channels(), Activation.SIGMOID));
        return layers;
    }

    private static void generatorPreProcessors(GanSettings s, NeuralNetConfiguration.ListBuilder list) {
        ImageShape image = s.image();
        list.inputPreProcessor(
                2, new FeedForwardToCnnPreProcessor(image.height() / 4, image.width() / 4, 2L * s.filters()));
    }

    /** Dropout, as in {@link GanNetworks}, acts on the hidden activations, not on the pixels. */
    private static List<Layer> discriminatorLayers(GanSettings s, boolean dropout) {
        ImageShape image = s.image();
        int f = s.filters();
        List<Layer> layers = new ArrayList<>();
        layers.add(downsampling(image.channels(), f).build());
        var second = downsampling(f, 2 * f);
        var out = new OutputLayer.Builder(LossFunction.XENT)
                .nIn(2L * f * (image.height() / 4) * (image.width() / 4))
                .nOut(1)
                .activation(Activation.SIGMOID);
        if (dropout && s.dropout() > 0) {
            // DL4J's dropOut takes the probability of *keeping* an input
            second.dropOut(1.0 - s.dropout());
            out.dropOut(1.0 - s.dropout());
        }
        layers.add(second.build());
        layers.add(out.build());
        return layers;
    }

    private static CnnToFeedForwardPreProcessor flatten(GanSettings s) {
        ImageShape image = s.image();
        return new CnnToFeedForwardPreProcessor(image.height() / 4, image.width() / 4, 2L * s.filters());
    }

    private static Deconvolution2D upsampling(int in, int out, Activation activation) {
        return strided(new Deconvolution2D.Builder(), in, out)
                .activation(activation)
                .build();
    }

    private static ConvolutionLayer.Builder downsampling(int in, int out) {
        return strided(new ConvolutionLayer.Builder(), in, out).activation(Activation.LEAKYRELU);
    }

    /** Kernel 4, stride 2, padding 1: halves a side as a convolution, doubles it transposed. */
    private static <B extends ConvolutionLayer.BaseConvBuilder<B>> B strided(B builder, int in, int out) {
        return builder.nIn(in)
                .nOut(out)
                .kernelSize(KERNEL, KERNEL)
                .stride(2, 2)
                .padding(1, 1)
                .convolutionMode(ConvolutionMode.Truncate);
    }
}
