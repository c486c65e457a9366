package dev.anneal.worker.train;

import dev.anneal.data.text.Vocabulary;
import dev.anneal.spec.JobSpec;
import dev.anneal.worker.prepare.PreprocessingRecord;
import dev.anneal.worker.prepare.TextEncoder;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How flat feature rows become a network's input array. Dense and convolutional networks take
 * the rows as they are (a convolutional network's first preprocessor reshapes pixel rows itself);
 * recurrent networks need {@code [rows, features, timesteps]} from time-major rows.
 */
public sealed interface InputShape permits InputShape.Flat, InputShape.Recurrent, InputShape.Tokens {

    Flat FLAT = new Flat();

    /**
     * The shape a job's network takes: recurrent for declared sequences and for time-series
     * windows (whose length is the trial's, in its preprocessing record), flat otherwise. Training
     * and prediction both ask here, so a stored model is fed as it was trained.
     */
    static InputShape of(JobSpec spec, PreprocessingRecord record) {
        if (TextEncoder.TYPE.equals(record.layout())) {
            return new Tokens(record.features().get(0).maxLength());
        }
        var sequence = spec.model().sequence();
        if (sequence != null) {
            return new Recurrent(sequence.timesteps(), sequence.features());
        }
        var series = record.series();
        return series != null ? new Recurrent(series.window(), series.columns().size()) : FLAT;
    }

    /** @param rows {@code [rows, columns]} */
    INDArray toInput(INDArray rows);

    default INDArray toInput(float[][] rows) {
        return toInput(Nd4j.create(rows));
    }

    /**
     * The feature mask of {@code input} ({@code [rows, timesteps]}, 1 where a step is real), or
     * {@code null} when every step is.
     */
    default INDArray mask(INDArray input) {
        return null;
    }

    record Flat() implements InputShape {
        @Override
        public INDArray toInput(INDArray rows) {
            return rows;
        }
    }

    /**
     * Rows are token ids, one per step, padded with 0 ({@link Vocabulary#PADDING}): the embedding
     * layer reads them as they are, and the mask hides the padding from every recurrent layer.
     */
    record Tokens(int length) implements InputShape {
        @Override
        public INDArray toInput(INDArray rows) {
            return rows;
        }

        @Override
        public INDArray mask(INDArray input) {
            return input.neq(Vocabulary.PADDING).castTo(input.dataType());
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
