package dev.anneal.worker.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How flat feature rows become a network's input array. Dense and convolutional networks take
 * the rows as they are (a convolutional network's first preprocessor reshapes pixel rows itself);
 * recurrent networks need {@code [rows, features, timesteps]} from time-major rows.
 */
public sealed interface InputShape permits InputShape.Flat, InputShape.Recurrent {

    Flat FLAT = new Flat();

    /** @param rows {@code [rows, columns]} */
    INDArray toInput(INDArray rows);

    default INDArray toInput(float[][] rows) {
        return toInput(Nd4j.create(rows));
    }

    record Flat() implements InputShape {
        @Override
        public INDArray toInput(INDArray rows) {
            return rows;
        }
    }

    /** Rows hold step 0's features, then step 1's, and so on. */
    record Recurrent(int timesteps, int features) implements InputShape {
        @Override
        public INDArray toInput(INDArray rows) {
            return rows.reshape('c', rows.rows(), timesteps, features)
                    .permute(0, 2, 1)
                    .dup('c');
        }
    }
}
