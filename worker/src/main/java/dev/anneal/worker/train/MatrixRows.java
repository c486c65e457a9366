package dev.anneal.worker.train;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A matrix's rows as Java arrays in one native copy. ND4J's {@code toFloatMatrix} builds a view, a
 * copy and a buffer per row (each with its own shape info and native pointers): for the 360 x 10
 * validation output of a digits MLP that was a quarter of a trial's CPU time.
 */
public final class MatrixRows {

    private MatrixRows() {}

    public static float[][] of(INDArray matrix) {
        if (!matrix.isMatrix()) {
            throw new IllegalArgumentException("not a matrix: " + matrix.shapeInfoToString());
        }
        int rows = Math.toIntExact(matrix.rows());
        int columns = Math.toIntExact(matrix.columns());
        float[] flat = matrix.dup('c').data().asFloat();
        float[][] out = new float[rows][columns];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * columns, out[i], 0, columns);
        }
        return out;
    }
}
