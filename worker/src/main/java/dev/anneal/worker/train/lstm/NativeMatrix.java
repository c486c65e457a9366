package dev.anneal.worker.train.lstm;

import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A row-major array outside every DL4J workspace, in the network's precision (float or double),
 * that the LSTM time loop reads and writes a block of rows at a time and multiplies with
 * OpenBLAS directly: a step's gemm is only [32, 64] x [64, 256], which took 13-35 µs through
 * {@code cblas_sgemm} on raw pointers and 42-104 µs through {@code Nd4j.gemm} (load 12), before
 * the 20 µs each view of a step's rows would cost. The array is released by {@link #close},
 * not left to the garbage collector.
 */
final class NativeMatrix implements AutoCloseable {

    private static final int ROW_MAJOR = openblas_nolapack.CblasRowMajor;
    private static final int NO_TRANS = openblas_nolapack.CblasNoTrans;
    private static final int TRANS = openblas_nolapack.CblasTrans;

    /** The whole array, for ND4J ops that fill or empty it in one call (permutes, casts). */
    final INDArray array;

    private final boolean single;
    private final FloatPointer floatPointer;
    private final DoublePointer doublePointer;
    private final FloatBuffer floats;
    private final DoubleBuffer doubles;
    /** Float precision is converted through this, so the cell math can run in double either way. */
    private float[] staging = new float[0];

    NativeMatrix(DataType type, long... shape) {
        if (type != DataType.FLOAT && type != DataType.DOUBLE) {
            throw new IllegalArgumentException("BatchedLstmLayer supports FLOAT and DOUBLE networks, not " + type);
        }
        this.array = Nd4j.createUninitializedDetached(type, 'c', shape);
        if (array.length() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("LSTM buffer of " + array.length() + " elements is too large");
        }
        this.single = type == DataType.FLOAT;
        var bytes = array.data().asNio().order(ByteOrder.nativeOrder());
        if (single) {
            this.floatPointer = (FloatPointer) array.data().addressPointer();
            this.doublePointer = null;
            this.floats = bytes.asFloatBuffer();
            this.doubles = null;
        } else {
            this.floatPointer = null;
            this.doublePointer = (DoublePointer) array.data().addressPointer();
            this.floats = null;
            this.doubles = bytes.asDoubleBuffer();
        }
        if ((single ? floats.capacity() : doubles.capacity()) < array.length()) {
            throw new IllegalStateException("ND4J buffer view is shorter than its array");
        }
    }

    /** Copies {@code n} elements starting at {@code offset} into {@code to[0..n)}. */
    void read(long offset, double[] to, int n) {
        if (single) {
            float[] s = staging(n);
            floats.get((int) offset, s, 0, n);
            for (int i = 0; i < n; i++) {
                to[i] = s[i];
            }
        } else {
            doubles.get((int) offset, to, 0, n);
        }
    }

    /** Copies {@code from[0..n)} to the elements starting at {@code offset}. */
    void write(long offset, double[] from, int n) {
        if (single) {
            float[] s = staging(n);
            for (int i = 0; i < n; i++) {
                s[i] = (float) from[i];
            }
            floats.put((int) offset, s, 0, n);
        } else {
            doubles.put((int) offset, from, 0, n);
        }
    }

    private float[] staging(int n) {
        if (staging.length < n) {
            staging = new float[n];
        }
        return staging;
    }

    /**
     * {@code c[cOffset..] = op(a[aOffset..]) * op(b[bOffset..]) + beta * c[cOffset..]}, row-major,
     * with {@code m x n} result, inner dimension {@code k} and each operand's row length {@code ld*}.
     */
    static void gemm(
            boolean transA,
            boolean transB,
            int m,
            int n,
            int k,
            NativeMatrix a,
            long aOffset,
            int lda,
            NativeMatrix b,
            long bOffset,
            int ldb,
            double beta,
            NativeMatrix c,
            long cOffset,
            int ldc) {
        if (a == b || a == c || b == c) {
            // each operand's offset is its pointer's position: one pointer cannot hold two
            throw new IllegalArgumentException("gemm operands must be distinct buffers");
        }
        int ta = transA ? TRANS : NO_TRANS;
        int tb = transB ? TRANS : NO_TRANS;
        if (c.single) {
            openblas_nolapack.cblas_sgemm(
                    ROW_MAJOR,
                    ta,
                    tb,
                    m,
                    n,
                    k,
                    1f,
                    a.floatPointer.position(aOffset),
                    lda,
                    b.floatPointer.position(bOffset),
                    ldb,
                    (float) beta,
                    c.floatPointer.position(cOffset),
                    ldc);
        } else {
            openblas_nolapack.cblas_dgemm(
                    ROW_MAJOR,
                    ta,
                    tb,
                    m,
                    n,
                    k,
                    1.0,
                    a.doublePointer.position(aOffset),
                    lda,
                    b.doublePointer.position(bOffset),
                    ldb,
                    beta,
                    c.doublePointer.position(cOffset),
                    ldc);
        }
    }

    @Override
    public void close() {
        array.close();
    }
}
