package dev.anneal.worker.train;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A trial's trained model as stored for users.
 *
 * @param format {@link #NETWORK} (a DL4J MultiLayerNetwork zip) or {@link #GAN_GENERATOR} (the
 *     generator network of a GAN, with its latent size)
 * @param zip the DL4J model zip
 * @param samples rows the model generated, as CSV with a header (GAN), else {@code null}
 */
public record TrainedModel(String format, byte[] zip, String samples) {

    public static final String NETWORK = "dl4j-network";
    public static final String GAN_GENERATOR = "dl4j-gan-generator";

    /** {@code net} in DL4J's model zip format, without optimizer state (a stored model is never trained again). */
    public static byte[] zip(Model net) {
        try (var out = new ByteArrayOutputStream()) {
            ModelSerializer.writeModel(net, out, false);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not serialize the trained network", e);
        }
    }
}
