package dev.anneal.worker.train.text;

import dev.anneal.data.text.Vocabulary;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mini-batches of token-id rows as DL4J wants them: ids {@code [rows, steps]}, their mask, and
 * per-step one-hot labels {@code [rows, vocabulary, steps]} built per batch (a whole split of
 * one-hot steps would take vocabulary-times the memory of its ids).
 */
final class TokenBatches {

    private TokenBatches() {}

    /** Rows {@code order[start..end)} of {@code ids}. */
    static INDArray ids(float[][] ids, int[] order, int start, int end) {
        return ids(ids, order, start, end, ids[0].length);
    }

    /**
     * Rows {@code order[start..end)} of {@code ids}, cut to their first {@code steps} columns: with
     * {@link #width} as {@code steps}, only padding is cut, and the LSTMs run no step that every row
     * of the batch would mask.
     */
    static INDArray ids(float[][] ids, int[] order, int start, int end, int steps) {
        float[] flat = new float[(end - start) * steps];
        for (int i = start; i < end; i++) {
            System.arraycopy(ids[order[i]], 0, flat, (i - start) * steps, steps);
        }
        return Nd4j.create(flat, new long[] {end - start, steps}, 'c');
    }

    /** The longest real length (tokens before the padding) of rows {@code order[start..end)}. */
    static int width(float[][] ids, int[] order, int start, int end) {
        int width = 1;
        for (int i = start; i < end; i++) {
            width = Math.max(width, length(ids[order[i]]));
        }
        return width;
    }

    /** Tokens of a row before its padding (rows are padded at the end). */
    static int length(float[] row) {
        int n = row.length;
        while (n > 0 && row[n - 1] == Vocabulary.PADDING) {
            n--;
        }
        return n;
    }

    /**
     * A decoder's teacher-forced input for label rows {@code order[start..end)}: the end id (as the
     * start marker), then each label moved one step later; the last label (an end id or padding)
     * is never an input. Its mask equals the labels' mask.
     */
    static INDArray shiftedRight(float[][] labels, int[] order, int start, int end) {
        return shiftedRight(labels, order, start, end, labels[0].length);
    }

    /** {@link #shiftedRight(float[][], int[], int, int)} cut to its first {@code steps} columns. */
    static INDArray shiftedRight(float[][] labels, int[] order, int start, int end, int steps) {
        float[] flat = new float[(end - start) * steps];
        for (int i = start; i < end; i++) {
            float[] row = labels[order[i]];
            int offset = (i - start) * steps;
            flat[offset] = Vocabulary.END;
            System.arraycopy(row, 0, flat, offset + 1, steps - 1);
            for (int t = 1; t < steps; t++) {
                if (row[t] == Vocabulary.PADDING) {
                    flat[offset + t] = Vocabulary.PADDING;
                }
            }
        }
        return Nd4j.create(flat, new long[] {end - start, steps}, 'c');
    }

    /** 1 where a step holds a token, 0 on padding. */
    static INDArray mask(INDArray ids) {
        return ids.neq(Vocabulary.PADDING).castTo(ids.dataType());
    }

    /** One-hot labels of rows {@code order[start..end)}; padded steps are all zeros (and masked). */
    static INDArray oneHot(float[][] labels, int[] order, int start, int end, int vocabulary) {
        return oneHot(labels, order, start, end, vocabulary, labels[0].length);
    }

    /** {@link #oneHot(float[][], int[], int, int, int)} cut to its first {@code steps} steps. */
    static INDArray oneHot(float[][] labels, int[] order, int start, int end, int vocabulary, int steps) {
        float[] flat = new float[(end - start) * vocabulary * steps];
        for (int i = start; i < end; i++) {
            float[] row = labels[order[i]];
            for (int t = 0; t < steps; t++) {
                int id = (int) row[t];
                if (id != Vocabulary.PADDING) {
                    flat[((i - start) * vocabulary + id) * steps + t] = 1f;
                }
            }
        }
        return Nd4j.create(flat, new long[] {end - start, vocabulary, steps}, 'c');
    }

    static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }
}
