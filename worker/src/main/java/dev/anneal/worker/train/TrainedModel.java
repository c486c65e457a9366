package dev.anneal.worker.train;

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
}
