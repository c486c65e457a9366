package dev.anneal.worker.predict;

import dev.anneal.worker.prepare.PreprocessingRecord;
import dev.anneal.worker.train.InputShape;
import dev.anneal.worker.train.TrainingSpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A stored trial's network restored for predictions, with the input shape it was trained on.
 * The api cannot touch DL4J (only the worker may), so this is its one door to a network.
 */
public final class TrainedNetwork {

    private final MultiLayerNetwork network;
    private final InputShape shape;

    private TrainedNetwork(MultiLayerNetwork network, InputShape shape) {
        this.network = network;
        this.shape = shape;
    }

    /**
     * Restores a {@code dl4j-network} zip.
     *
     * @param record the trial's preprocessing record; its layout ({@code tabular}, {@code image},
     *     {@code sequence} or {@code series}) decides the input shape
     */
    public static TrainedNetwork restore(byte[] zip, PreprocessingRecord record, TrainingSpec spec) {
        try {
            return new TrainedNetwork(
                    ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(zip), false),
                    shape(record.layout(), spec, record));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the stored DL4J model", e);
        }
    }

    /** Tabular rows and image pixel rows go in flat (a CNN reshapes them itself); sequences as [rows, features, steps]. */
    static InputShape shape(String layout, TrainingSpec spec, PreprocessingRecord record) {
        return switch (layout) {
            case "tabular", "image" -> InputShape.FLAT;
            case "series" ->
                new InputShape.Recurrent(
                        record.series().window(), record.series().columns().size());
            case "sequence" -> {
                var sequence = spec.model().sequence();
                yield new InputShape.Recurrent(sequence.timesteps(), sequence.features());
            }
            default -> throw new IllegalArgumentException("no prediction input for layout " + layout);
        };
    }

    /**
     * The network's outputs for encoded feature rows: class probabilities, or one standardized
     * regression value per row. Synchronized because a {@link MultiLayerNetwork} keeps per-call
     * state (layer inputs, workspaces) and is not safe for concurrent {@code output} calls.
     */
    public synchronized float[][] output(float[][] rows) {
        return network.output(shape.toInput(rows), false).toFloatMatrix();
    }
}
