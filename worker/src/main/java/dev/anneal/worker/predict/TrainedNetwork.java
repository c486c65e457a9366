package dev.anneal.worker.predict;

import dev.anneal.spec.JobSpec;
import dev.anneal.spec.catalog.Hyperparameters;
import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.worker.prepare.PreprocessingRecord;
import dev.anneal.worker.prepare.TranslationPreparer;
import dev.anneal.worker.train.InputShape;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * A stored trial's network restored for predictions, with the input shape it was trained on.
 * The api cannot touch DL4J (only the worker may), so this is its one door to a network.
 */
public final class TrainedNetwork {

    private final MultiLayerNetwork network;
    private final InputShape shape;
    /** Set instead of {@link #network} for translation jobs, whose model is an encoder–decoder graph. */
    private final TrainedTranslator translator;

    private TrainedNetwork(MultiLayerNetwork network, InputShape shape, TrainedTranslator translator) {
        this.network = network;
        this.shape = shape;
        this.translator = translator;
    }

    /**
     * Restores a {@code dl4j-network} zip.
     *
     * @param record the trial's preprocessing record; with the spec it decides the input shape,
     *     as it did in training
     * @param params the trial's parameters (a translation decodes with its {@code beamWidth})
     */
    public static TrainedNetwork restore(byte[] zip, PreprocessingRecord record, JobSpec spec, TrialParams params) {
        if (TranslationPreparer.LAYOUT.equals(record.layout())) {
            return new TrainedNetwork(
                    null, null, TrainedTranslator.restore(zip, record, params.getInt(Hyperparameters.BEAM_WIDTH)));
        }
        try {
            return new TrainedNetwork(
                    ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(zip), false),
                    InputShape.of(spec, record),
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the stored DL4J model", e);
        }
    }

    /**
     * The network's outputs for encoded feature rows: class probabilities, or one standardized
     * regression value per row. Synchronized because a {@link MultiLayerNetwork} keeps per-call
     * state (layer inputs, workspaces) and is not safe for concurrent {@code output} calls.
     */
    public synchronized float[][] output(float[][] rows) {
        if (network == null) {
            throw new IllegalStateException("a translation model decodes sequences; call translate");
        }
        var input = shape.toInput(rows);
        return network.output(input, false, shape.mask(input), null).toFloatMatrix();
    }

    /** Translation models: each encoded source row's decoded target tokens, space-separated. */
    public List<String> translate(float[][] sourceRows) {
        if (translator == null) {
            throw new IllegalStateException("only translation models decode sequences");
        }
        return translator.translate(sourceRows);
    }
}
