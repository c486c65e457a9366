package dev.anneal.worker.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MatrixRowsTest {

    @Test
    void rowsAreWhatToFloatMatrixGivesInEitherOrder() {
        INDArray c = Nd4j.rand(DataType.FLOAT, 7, 3);
        assertThat(MatrixRows.of(c)).isDeepEqualTo(c.toFloatMatrix());
        INDArray f = c.dup('f');
        assertThat(MatrixRows.of(f)).isDeepEqualTo(c.toFloatMatrix());
        INDArray transposedView = Nd4j.rand(DataType.FLOAT, 3, 7).transpose();
        assertThat(MatrixRows.of(transposedView)).isDeepEqualTo(transposedView.toFloatMatrix());
    }

    @Test
    void aVectorIsNotAMatrix() {
        assertThatThrownBy(() -> MatrixRows.of(Nd4j.rand(DataType.FLOAT, 5)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
