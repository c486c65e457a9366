package dev.anneal.worker.train.gan;

import dev.anneal.worker.train.NetworkSettings;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * Builds the three networks of a GAN over rows of a given width (for images, {@link
 * ImageGanNetworks} builds them):
 *
 * <ul>
 *   <li>the discriminator: row → hidden leaky-ReLU layers → P(real) (sigmoid, cross-entropy);
 *   <li>the combined network: the generator's layers followed by the discriminator's layers wrapped
 *       in {@link FrozenLayerWithBackprop}, so fitting it to "real" labels moves only the
 *       generator, with gradients flowing back through the (copied, frozen) discriminator;
 *   <li>the generator alone: noise → hidden leaky-ReLU layers → row (identity), for sampling and
 *       saving; it has exactly the combined network's leading parameters.
 * </ul>
 */
final class GanNetworks {

    /**
     * Adam's first-moment decay. 0.5 rather than the usual 0.9, as recommended for GANs since
     * Radford et al. 2015: with 0.9 the stale momentum overshoots the moving target the other
     * player presents, and training oscillates more.
     */
    static final double ADAM_BETA1 = 0.5;

    private static final double ADAM_BETA2 = 0.999;
    private static final double ADAM_EPSILON = 1e-8;

    private GanNetworks() {}

    /** Layers of the generator; the last of them emits the row. */
    static int generatorLayerCount(GanSettings s) {
        return s.image() != null ? ImageGanNetworks.GENERATOR_LAYERS : s.hiddenLayers() + 1;
    }

    static MultiLayerNetwork discriminator(int width, GanSettings s, long seed) {
        if (s.image() != null) {
            return ImageGanNetworks.discriminator(s, seed);
        }
        var list = base(s, s.discriminatorLearningRate(), seed).list();
        discriminatorLayers(width, s).forEach(list::layer);
        return initialized(list);
    }

    static MultiLayerNetwork combined(int width, GanSettings s, long seed) {
        if (s.image() != null) {
            return ImageGanNetworks.combined(s, seed);
        }
        var list = base(s, s.generatorLearningRate(), seed).list();
        generatorLayers(width, s).forEach(list::layer);
        discriminatorLayers(width, s).forEach(layer -> list.layer(new FrozenLayerWithBackprop(layer)));
        return initialized(list);
    }

    static MultiLayerNetwork generator(int width, GanSettings s) {
        if (s.image() != null) {
            return ImageGanNetworks.generator(s);
        }
        var list = base(s, s.generatorLearningRate(), 0).list();
        generatorLayers(width, s).forEach(list::layer);
        return initialized(list);
    }

    private static List<Layer> generatorLayers(int width, GanSettings s) {
        List<Layer> layers = new ArrayList<>();
        int in = s.latentSize();
        for (int i = 0; i < s.hiddenLayers(); i++) {
            layers.add(dense(in, s.units(), Activation.LEAKYRELU).build());
            in = s.units();
        }
        layers.add(dense(in, width, Activation.IDENTITY).build());
        return layers;
    }

    /**
     * Dropout here acts on the hidden activations (the inputs of every layer after the first), not
     * on the rows themselves: with only a few columns, dropping whole features would hide most of
     * what tells real rows from fake ones.
     */
    private static List<Layer> discriminatorLayers(int width, GanSettings s) {
        List<Layer> layers = new ArrayList<>();
        int in = width;
        for (int i = 0; i < s.hiddenLayers(); i++) {
            var dense = dense(in, s.units(), Activation.LEAKYRELU);
            if (i > 0 && s.dropout() > 0) {
                // DL4J's dropOut takes the probability of *keeping* an input
                dense.dropOut(1.0 - s.dropout());
            }
            layers.add(dense.build());
            in = s.units();
        }
        var out = new OutputLayer.Builder(LossFunction.XENT).nIn(in).nOut(1).activation(Activation.SIGMOID);
        if (s.dropout() > 0) {
            out.dropOut(1.0 - s.dropout());
        }
        layers.add(out.build());
        return layers;
    }

    private static DenseLayer.Builder dense(int in, int out, Activation activation) {
        return new DenseLayer.Builder().nIn(in).nOut(out).activation(activation);
    }

    static NeuralNetConfiguration.Builder base(GanSettings s, double learningRate, long seed) {
        var builder = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.RELU)
                .updater(updater(s, learningRate))
                .l1(s.l1());
        if (s.optimizer().equals("adamw")) {
            // nd4j 1.0.0-M2.1 has no AdamW updater; Adam plus DL4J's WeightDecay regularization
            // (w -= lr * coefficient * w, applied outside the adaptive update) is its decoupled
            // weight decay (Loshchilov & Hutter 2019)
            builder.weightDecay(s.weightDecay());
        } else {
            builder.l2(s.weightDecay());
        }
        if (s.gradientClipping() > 0) {
            builder.gradientNormalization(GradientNormalization.ClipL2PerLayer)
                    .gradientNormalizationThreshold(s.gradientClipping());
        }
        return builder;
    }

    /** Both networks step once per mini-batch, so one iteration-based schedule fits each. */
    private static IUpdater updater(GanSettings s, double learningRate) {
        ISchedule schedule = NetworkSettings.schedule(s.lrSchedule(), learningRate, s.epochs(), s.iterationsPerEpoch());
        if (s.optimizer().equals("adam") || s.optimizer().equals("adamw")) {
            return Adam.builder()
                    .learningRate(learningRate)
                    .learningRateSchedule(schedule)
                    .beta1(ADAM_BETA1)
                    .beta2(ADAM_BETA2)
                    .epsilon(ADAM_EPSILON)
                    .build();
        }
        return NetworkSettings.updater(s.optimizer(), learningRate, schedule, s.momentum());
    }

    static MultiLayerNetwork initialized(NeuralNetConfiguration.ListBuilder list) {
        MultiLayerNetwork net = new MultiLayerNetwork(list.build());
        net.init();
        return net;
    }
}
