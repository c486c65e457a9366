package dev.anneal.worker.train.recurrent;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns flat rows laid out time-major (t0f0, t0f1, ..., t1f0, ...) into the
 * {@code [examples, features, timesteps]} arrays DL4J's recurrent layers take (its default NCW
 * format). A plain reshape to that shape would read the row feature-major and silently mix time
 * steps up, hence the reshape to {@code [n, timesteps, features]} and the permute.
 */
public final class SequenceShapes {

    private SequenceShapes() {}

    public static INDArray toRecurrent(INDArray rows, int timesteps, int features) {
        if (rows.rank() != 2) {
            throw new IllegalArgumentException(
                    "expected 2D rows [examples, timesteps × features], got shape " + Arrays.toString(rows.shape()));
        }
        long columns = rows.columns();
        if (columns != (long) timesteps * features) {
            throw new IllegalArgumentException("rows have %d columns, but %d timesteps × %d features = %d"
                    .formatted(columns, timesteps, features, (long) timesteps * features));
        }
        return rows.dup('c')
                .reshape('c', rows.rows(), timesteps, features)
                .permute(0, 2, 1)
                .dup('c');
    }

    public static INDArray toRecurrent(float[][] rows, int timesteps, int features) {
        if (rows.length == 0) {
            return Nd4j.create(DataType.FLOAT, 0, features, timesteps);
        }
        return toRecurrent(Nd4j.create(rows), timesteps, features);
    }
}
