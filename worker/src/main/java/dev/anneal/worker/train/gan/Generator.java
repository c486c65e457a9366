package dev.anneal.worker.train.gan;

import dev.anneal.worker.train.MatrixRows;
import dev.anneal.worker.train.TrainedModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained generator: turns standard Gaussian noise into rows in the (normalized) feature space
 * it was trained on. The latent size needs no separate storage: it is the first layer's input
 * width, which the saved network configuration already holds.
 */
public final class Generator {

    private final MultiLayerNetwork net;

    Generator(MultiLayerNetwork net) {
        this.net = net;
    }

    /** Restores a generator saved by {@link #toZip()}. */
    public static Generator fromZip(byte[] zip) {
        try {
            return new Generator(ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(zip), false));
        } catch (IOException e) {
            throw new UncheckedIOException("not a saved generator", e);
        }
    }

    public int latentSize() {
        return net.layerInputSize(0);
    }

    /** Width of the generated rows (an image generator's: channels × height × width). */
    public int width() {
        return sample(1, 0)[0].length;
    }

    /** {@code n} generated rows; the same {@code n} and {@code seed} give the same rows. */
    public float[][] sample(int n, long seed) {
        try (var noise = new LatentNoise(seed, latentSize())) {
            return MatrixRows.of(rows(net.output(noise.next(n), false)));
        }
    }

    /**
     * A generator's output as one row per sample: images ([n, C, H, W], C-ordered) become their
     * pixels channel by channel, each channel row-major, the layout of the dataset's columns.
     */
    static INDArray rows(INDArray output) {
        return output.rank() == 2 ? output : output.reshape('c', output.size(0), output.length() / output.size(0));
    }

    /** The network in DL4J's model zip format, without optimizer state (it is never trained again). */
    public byte[] toZip() {
        return TrainedModel.zip(net);
    }
}
