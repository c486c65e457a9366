package dev.anneal.tuner.sampler.qmc;

import dev.anneal.tuner.space.InvalidSearchSpaceException;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * A scrambled Sobol sequence: Commons Math's Sobol points (Joe and Kuo's direction numbers, up to
 * 1000 dimensions) with Matoušek's linear matrix scramble and a random digital shift, as SciPy's
 * {@code qmc.Sobol(scramble=True)} does. Scrambling keeps the sequence's low discrepancy while
 * removing its fixed structure (every unscrambled sequence starts at the origin and repeats
 * across jobs), and makes each seed give a different, reproducible sequence.
 *
 * <p>The scramble is linear over GF(2) on the 52 binary digits of each coordinate, so applying
 * it to the points is the same as applying it to the direction numbers.
 */
public final class SobolSequence {

    /** Commons Math's generator works with 52-bit integers; points are these divided by 2^52. */
    private static final int BITS = 52;

    private static final double SCALE = 0x1p52;

    public static final int MAX_DIMENSIONS = 1000;

    private final int dimensions;
    /** Per dimension, per output digit: the input digits it sums (the scramble matrix's rows). */
    private final long[][] rows;

    private final long[] shifts;

    public SobolSequence(int dimensions, long seed) {
        if (dimensions < 1 || dimensions > MAX_DIMENSIONS) {
            throw new IllegalArgumentException(
                    "Sobol dimensions must be 1.." + MAX_DIMENSIONS + ", but was " + dimensions);
        }
        this.dimensions = dimensions;
        this.rows = new long[dimensions][BITS];
        this.shifts = new long[dimensions];
        SplittableRandom rng = new SplittableRandom(seed);
        long mask = (1L << BITS) - 1;
        for (int d = 0; d < dimensions; d++) {
            for (int i = 0; i < BITS; i++) {
                // output digit i (bit BITS-1-i, most significant first) keeps input digit i and
                // adds a random subset of the more significant digits: a lower-triangular matrix
                // with a unit diagonal, hence invertible
                long own = 1L << (BITS - 1 - i);
                long higher = mask & ~((own << 1) - 1);
                rows[d][i] = own | (rng.nextLong() & higher);
            }
            shifts[d] = rng.nextLong() & mask;
        }
    }

    /**
     * @throws InvalidSearchSpaceException when a space has more searched parameters than the
     *     direction numbers cover
     */
    public static void checkDimensions(int searchedParameters) {
        if (searchedParameters > MAX_DIMENSIONS) {
            throw new InvalidSearchSpaceException(
                    null,
                    null,
                    "sobol and bayesian search at most " + MAX_DIMENSIONS + " parameters, but this space searches "
                            + searchedParameters);
        }
    }

    public int dimensions() {
        return dimensions;
    }

    /** Point {@code index} (0-based) of the scrambled sequence, each coordinate in [0, 1). */
    public double[] point(int index) {
        SobolSequenceGenerator generator = new SobolSequenceGenerator(dimensions);
        double[] raw = generator.skipTo(index);
        double[] point = new double[dimensions];
        for (int d = 0; d < dimensions; d++) {
            long x = (long) (raw[d] * SCALE);
            long y = 0;
            for (int i = 0; i < BITS; i++) {
                y |= (long) (Long.bitCount(rows[d][i] & x) & 1) << (BITS - 1 - i);
            }
            point[d] = (y ^ shifts[d]) / SCALE;
        }
        return point;
    }
}
