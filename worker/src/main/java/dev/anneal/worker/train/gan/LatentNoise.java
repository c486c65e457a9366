package dev.anneal.worker.train.gan;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Standard Gaussian noise for a generator's input, from a seeded ND4J generator of its own: the
 * draws do not depend on (nor disturb) the thread's global ND4J random state that DL4J uses for
 * dropout, so the same seed gives the same noise.
 */
final class LatentNoise implements AutoCloseable {

    private final Random random;
    private final int latentSize;

    LatentNoise(long seed, int latentSize) {
        this.random = Nd4j.getRandomFactory().getNewRandomInstance(seed);
        this.latentSize = latentSize;
    }

    /** A {@code rows × latentSize} matrix of independent N(0, 1) draws. */
    INDArray next(int rows) {
        return Nd4j.randn(new int[] {rows, latentSize}, random).castTo(DataType.FLOAT);
    }

    /** Frees the generator's native state. */
    @Override
    public void close() {
        try {
            random.close();
        } catch (Exception e) {
            // Random.close() declares Exception, but only frees memory
            throw new IllegalStateException("could not free a random generator", e);
        }
    }
}
