package dev.anneal.spec.catalog;

import static dev.anneal.spec.catalog.Hyperparameters.BATCH_NORM;
import static dev.anneal.spec.catalog.Hyperparameters.BIDIRECTIONAL;
import static dev.anneal.spec.catalog.Hyperparameters.CONV_BLOCKS;
import static dev.anneal.spec.catalog.Hyperparameters.DENSE_UNITS;
import static dev.anneal.spec.catalog.Hyperparameters.EMBEDDING_SIZE;
import static dev.anneal.spec.catalog.Hyperparameters.FILTERS;
import static dev.anneal.spec.catalog.Hyperparameters.HIDDEN_LAYERS;
import static dev.anneal.spec.catalog.Hyperparameters.KERNEL_SIZE;
import static dev.anneal.spec.catalog.Hyperparameters.LATENT_SIZE;
import static dev.anneal.spec.catalog.Hyperparameters.MAX_LENGTH;
import static dev.anneal.spec.catalog.Hyperparameters.POOLING;
import static dev.anneal.spec.catalog.Hyperparameters.UNITS;

import dev.anneal.spec.JobSpec;

/**
 * The size of the network a trial's parameters describe, computed from the same architecture the
 * factories build (without building it), so the api can refuse a spec whose largest trial would
 * not fit a worker before anything trains.
 *
 * <p>{@code parameters} is what DL4J's {@code numParams()} reports for the network(s) one trial
 * holds: a GAN holds its discriminator, the combined network (generator plus a frozen copy of the
 * discriminator) and the generator. Training keeps about four floats per parameter (weights,
 * gradients and Adam's two moments).
 *
 * <p>{@code activationsPerRow} estimates the values one training row keeps alive between the
 * forward and the backward pass: the input, every layer's output (batch normalization adds its
 * own), each convolution's im2col buffer (k × k × input channels × height × width, which the
 * CNN keeps for the backward pass) and, for an LSTM layer, its four gates, cell and hidden state
 * at every step. Multiplied by the batch and 4 bytes it estimates a trial's activation memory.
 *
 * @param widestLayer the largest single layer output per row (for messages)
 */
public record NetworkFootprint(long parameters, long activationsPerRow, long widestLayer) {

    /** Bytes of one value: every network trains in 32-bit floats. */
    public static final int BYTES_PER_VALUE = 4;

    /** Activation memory of a mini-batch of {@code batch} rows, in bytes. */
    public long activationBytes(long batch) {
        return times(times(activationsPerRow, batch), BYTES_PER_VALUE);
    }

    /** As {@link MlpNetworkFactory} builds it. */
    public static NetworkFootprint mlp(long inputs, long outputs, TrialParams p) {
        Counter c = new Counter(inputs);
        long units = p.getInt(UNITS);
        long width = inputs;
        for (int i = 0; i < p.getInt(HIDDEN_LAYERS); i++) {
            c.layer(dense(width, units), units);
            if (p.getBoolean(BATCH_NORM)) {
                c.layer(batchNorm(units), units);
            }
            width = units;
        }
        c.layer(dense(width, outputs), outputs);
        return c.footprint();
    }

    /** As {@link CnnNetworkFactory} builds it: "same" convolutions, pooling that stops at one pixel. */
    public static NetworkFootprint cnn(JobSpec.ImageShape shape, long outputs, TrialParams p) {
        long height = shape.height();
        long width = shape.width();
        long channels = shape.channels();
        Counter c = new Counter(channels * height * width);
        long kernel = p.getInt(KERNEL_SIZE);
        boolean pooling = !"none".equals(p.getString(POOLING));
        long filters = p.getInt(FILTERS);
        for (int b = 0; b < p.getInt(CONV_BLOCKS); b++) {
            long area = height * width;
            // the im2col buffer the convolution keeps for its backward pass
            c.values(times(times(kernel * kernel, channels), area));
            c.layer(plus(times(kernel * kernel * channels, filters), filters), times(filters, area));
            if (p.getBoolean(BATCH_NORM)) {
                c.layer(batchNorm(filters), times(filters, area));
            }
            if (pooling && height >= 2 && width >= 2) {
                height = (height + 1) / 2;
                width = (width + 1) / 2;
                c.layer(0, times(filters, height * width));
            }
            channels = filters;
            filters = Math.min(Hyperparameters.MAX_FILTERS, filters * 2);
        }
        long denseUnits = p.getInt(DENSE_UNITS);
        c.layer(dense(times(channels, height * width), denseUnits), denseUnits);
        c.layer(dense(denseUnits, outputs), outputs);
        return c.footprint();
    }

    /** As {@link LstmNetworkFactory} builds it, over sequences of {@code timesteps} steps of {@code features}. */
    public static NetworkFootprint lstm(long features, long timesteps, long outputs, TrialParams p) {
        Counter c = new Counter(times(features, timesteps));
        return lstmStack(c, features, timesteps, outputs, p);
    }

    /**
     * As {@code LstmNetworkFactory.buildText} builds it: {@code maxLength} token ids, an embedding
     * of the vocabulary (its cap plus the 3 reserved ids), then the same LSTM stack.
     */
    public static NetworkFootprint textLstm(long maxVocabulary, long outputs, TrialParams p) {
        long length = p.getInt(MAX_LENGTH);
        long embedding = p.getInt(EMBEDDING_SIZE);
        Counter c = new Counter(length);
        c.layer(times(plus(maxVocabulary, 3), embedding), times(embedding, length));
        return lstmStack(c, embedding, length, outputs, p);
    }

    private static NetworkFootprint lstmStack(Counter c, long features, long timesteps, long outputs, TrialParams p) {
        long units = p.getInt(UNITS);
        long directions = p.getBoolean(BIDIRECTIONAL) ? 2 : 1;
        long width = features;
        for (int i = 0; i < p.getInt(HIDDEN_LAYERS); i++) {
            // per direction W [in, 4u], RW [u, 4u], b [4u]; per step: four gates, cell and hidden state
            c.layer(directions * 4 * units * (width + units + 1), times(directions * 6 * units, timesteps));
            width = directions * units;
        }
        c.layer(dense(width, outputs), outputs);
        return c.footprint();
    }

    /** As {@code GanNetworks} builds it: discriminator, combined network and generator, over rows of {@code width}. */
    public static NetworkFootprint gan(long width, TrialParams p) {
        long units = p.getInt(UNITS);
        int layers = p.getInt(HIDDEN_LAYERS);
        long latent = p.getInt(LATENT_SIZE);
        long generator = plus(dense(latent, units), times(layers - 1, dense(units, units)));
        generator = plus(generator, dense(units, width));
        long discriminator = plus(dense(width, units), times(layers - 1, dense(units, units)));
        discriminator = plus(discriminator, dense(units, 1));
        // the combined network's forward pass: noise, generator layers, the row, discriminator layers, P(real)
        Counter c = new Counter(latent);
        for (int i = 0; i < layers; i++) {
            c.layer(0, units);
        }
        c.layer(0, width);
        for (int i = 0; i < layers; i++) {
            c.layer(0, units);
        }
        c.layer(0, 1);
        return new NetworkFootprint(
                times(2, plus(generator, discriminator)), c.footprint().activationsPerRow(), c.widest);
    }

    /**
     * As {@code ImageGanNetworks} builds it, f being {@code filters}: the generator (dense to 2f
     * maps of a quarter of each side, two 4 × 4 transposed convolutions, batch normalization
     * after the first two) and the discriminator
     * (two 4 × 4 convolutions of stride 2, dense to P(real)), held three times like {@link #gan}.
     */
    public static NetworkFootprint imageGan(JobSpec.ImageShape shape, TrialParams p) {
        long f = p.getInt(FILTERS);
        long channels = shape.channels();
        long pixels = times(channels, (long) shape.height() * shape.width());
        long quarter = (long) (shape.height() / 4) * (shape.width() / 4);
        long half = 4 * quarter;
        long latent = p.getInt(LATENT_SIZE);
        long kernel = 16;
        long generator = plus(
                plus(dense(latent, times(2 * f, quarter)), batchNorm(times(2 * f, quarter))),
                plus(
                        plus(plus(times(kernel * 2 * f, f), f), batchNorm(f)),
                        plus(times(kernel * f, channels), channels)));
        long discriminator = plus(
                plus(plus(times(kernel * channels, f), f), plus(times(kernel * f, 2 * f), 2 * f)),
                dense(times(2 * f, quarter), 1));
        // the combined network's forward pass, with each convolution's im2col buffer
        Counter c = new Counter(latent);
        c.layer(0, times(2 * f, quarter));
        c.layer(0, times(2 * f, quarter));
        c.values(times(kernel * 2 * f, half));
        c.layer(0, times(f, half));
        c.layer(0, times(f, half));
        c.values(times(kernel * f, pixels));
        c.layer(0, pixels);
        c.values(times(kernel * channels, half));
        c.layer(0, times(f, half));
        c.values(times(kernel * f, quarter));
        c.layer(0, times(2 * f, quarter));
        c.layer(0, 1);
        return new NetworkFootprint(
                times(2, plus(generator, discriminator)), c.footprint().activationsPerRow(), c.widest);
    }

    private static long dense(long in, long out) {
        return plus(times(in, out), out);
    }

    /** Gamma, beta and the running mean and variance: DL4J counts all four as parameters. */
    private static long batchNorm(long n) {
        return 4 * n;
    }

    /** Sums layer by layer; saturates instead of overflowing, since absurd specs must still be refused. */
    private static final class Counter {

        private long parameters;
        private long values;
        private long widest;

        Counter(long inputs) {
            values = inputs;
            widest = inputs;
        }

        void layer(long params, long outputs) {
            parameters = plus(parameters, params);
            values(outputs);
            widest = Math.max(widest, outputs);
        }

        void values(long n) {
            values = plus(values, n);
        }

        NetworkFootprint footprint() {
            return new NetworkFootprint(parameters, values, widest);
        }
    }

    /** {@code a × b}, or {@code Long.MAX_VALUE} if that overflows. */
    public static long times(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return (high == 0 && low >= 0) ? low : Long.MAX_VALUE;
    }

    public static long plus(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
