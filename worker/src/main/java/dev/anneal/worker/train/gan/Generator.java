package dev.anneal.worker.train.gan;

import dev.anneal.worker.train.MatrixRows;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

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

    /** Width of the generated rows. */
    public int width() {
        return net.layerSize(net.getnLayers() - 1);
    }

    /** {@code n} generated rows; the same {@code n} and {@code seed} give the same rows. */
    public float[][] sample(int n, long seed) {
        try (var noise = new LatentNoise(seed, latentSize())) {
            return MatrixRows.of(net.output(noise.next(n), false));
        }
    }

    /** The network in DL4J's model zip format, without optimizer state (it is never trained again). */
    public byte[] toZip() {
        var out = new ByteArrayOutputStream();
        try {
            ModelSerializer.writeModel(net, out, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
