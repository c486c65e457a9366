package dev.anneal.worker.train.dense;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas_nolapack;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A run of floats in native memory that OpenBLAS multiplies in place and Java reads and writes
 * in bulk. Element-wise work (bias, activation, softmax, updater) happens on Java arrays, where
 * the JIT vectorizes it; only the matrix products cross into native code, one JNI call each,
 * instead of the dozens of ND4J ops (each with Java-side set-up) a DL4J step costs.
 */
final class NativeFloats implements AutoCloseable {

    private static final int ROW_MAJOR = openblas_nolapack.CblasRowMajor;

    private final FloatPointer pointer;
    private final FloatBuffer buffer;
    private final boolean owned;
    private final int length;

    /** Fresh native memory for {@code length} floats, freed by {@link #close}. */
    NativeFloats(int length) {
        this.pointer = new FloatPointer(Math.max(1, length));
        this.buffer = pointer.asBuffer();
        this.owned = true;
        this.length = length;
    }

    /**
     * The buffer of an existing float array (a network's flattened parameters), so that products
     * read the weights where DL4J keeps them and the trained network needs no copy back.
     */
    NativeFloats(INDArray array) {
        if (array.dataType() != DataType.FLOAT
                || array.elementWiseStride() != 1
                || array.ordering() != 'c' && !array.isVector()) {
            throw new IllegalArgumentException("expected a contiguous float vector, got " + array.shapeInfoToString());
        }
        this.length = Math.toIntExact(array.length());
        Pointer base = array.data().addressPointer();
        this.pointer = new FloatPointer(base);
        pointer.position(array.offset()).limit(array.offset() + length);
        this.buffer = pointer.asBuffer();
        this.owned = false;
    }

    int length() {
        return length;
    }

    /** Copies {@code n} floats of {@code from} into this buffer, from its start. */
    void put(float[] from, int n) {
        buffer.put(0, from, 0, n);
    }

    /** Copies this buffer's first {@code n} floats into {@code to}. */
    void get(float[] to, int n) {
        buffer.get(0, to, 0, n);
    }

    /** Copies this buffer's first {@code n} floats into {@code to[toOffset..toOffset+n)}. */
    void get(float[] to, int toOffset, int n) {
        buffer.get(0, to, toOffset, n);
    }

    /**
     * Row-major {@code c[cOffset..] = op(a[aOffset..]) * op(b[bOffset..])} (beta 0), with an
     * {@code m x n} result and inner dimension {@code k}; {@code ld*} are the operands' row lengths.
     */
    static void gemm(
            boolean transA,
            boolean transB,
            int m,
            int n,
            int k,
            NativeFloats a,
            int aOffset,
            int lda,
            NativeFloats b,
            int bOffset,
            int ldb,
            NativeFloats c,
            int cOffset,
            int ldc) {
        if (a == c || b == c) {
            throw new IllegalArgumentException("gemm cannot write into an operand");
        }
        // positions are per pointer: the same buffer as both operands needs two pointers
        FloatPointer pa = a.pointer;
        FloatPointer pb = b == a ? new FloatPointer(b.pointer) : b.pointer;
        long baseA = pa.position();
        long baseB = pb.position();
        long baseC = c.pointer.position();
        try {
            openblas_nolapack.cblas_sgemm(
                    ROW_MAJOR,
                    transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                    transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                    m,
                    n,
                    k,
                    1f,
                    pa.position(baseA + aOffset),
                    lda,
                    pb.position(baseB + bOffset),
                    ldb,
                    0f,
                    c.pointer.position(baseC + cOffset),
                    ldc);
        } finally {
            pa.position(baseA);
            pb.position(baseB);
            c.pointer.position(baseC);
        }
    }

    @Override
    public void close() {
        if (owned) {
            pointer.close();
        }
    }
}
