package dev.anneal.worker.train.gan;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The two players of a GAN and one round of their game. DL4J has no GAN trainer, so this follows
 * the pattern of its examples: a discriminator network, plus a combined network made of the
 * generator and a frozen copy of the discriminator through which the generator's gradients flow.
 * The generator exists only as the combined network's leading layers.
 */
final class AdversarialPair {

    /** Mean losses of one step, each including its network's L2 penalty. */
    record Losses(double generator, double discriminator) {}

    private final MultiLayerNetwork discriminator;
    private final MultiLayerNetwork combined;
    private final int generatorLayers;

    AdversarialPair(int width, GanSettings s, long discriminatorSeed, long generatorSeed) {
        discriminator = GanNetworks.discriminator(width, s, discriminatorSeed);
        combined = GanNetworks.combined(width, s, generatorSeed);
        generatorLayers = GanNetworks.generatorLayerCount(s);
    }

    /**
     * One step: the discriminator learns the batch's real rows (with their labels, {@code 1 -
     * labelSmoothing}) against as many rows generated from fresh noise (label 0); its parameters
     * are copied into the combined network's frozen half; then the combined network learns fresh
     * noise labelled 1, which moves only the generator towards rows the discriminator takes for
     * real (the non-saturating generator loss).
     */
    Losses step(DataSet real, LatentNoise noise) {
        int rows = real.numExamples();
        discriminator.fit(
                Nd4j.vstack(real.getFeatures(), generate(noise.next(rows))),
                Nd4j.vstack(real.getLabels(), Nd4j.zeros(DataType.FLOAT, rows, 1)));
        copyLayers(discriminator, 0, combined, generatorLayers, discriminator.getnLayers());
        combined.fit(noise.next(rows), Nd4j.ones(DataType.FLOAT, rows, 1));
        return new Losses(combined.score(), discriminator.score());
    }

    /** The current generator's rows for {@code noise}, in inference mode. */
    INDArray generate(INDArray noise) {
        // not activateSelectedLayers: it reads the batch size of an input preprocessor (the image
        // generator's reshape) from the network's last input, which is unset or stale here
        List<INDArray> activations = combined.feedForwardToLayer(generatorLayers - 1, noise, false);
        return Generator.rows(activations.get(activations.size() - 1));
    }

    /** Copies the current generator's parameters into {@code generator}, built by {@link GanNetworks#generator}. */
    void copyGeneratorInto(MultiLayerNetwork generator) {
        copyLayers(combined, 0, generator, 0, generatorLayers);
    }

    /** Copies {@code count} consecutive layers' parameters, which must have matching shapes. */
    private static void copyLayers(
            MultiLayerNetwork from, int fromFirst, MultiLayerNetwork to, int toFirst, int count) {
        for (int i = 0; i < count; i++) {
            to.getLayer(toFirst + i).setParams(from.getLayer(fromFirst + i).params());
        }
    }
}
