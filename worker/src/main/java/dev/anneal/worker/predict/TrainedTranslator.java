package dev.anneal.worker.predict;

import dev.anneal.worker.prepare.FeatureEncoder;
import dev.anneal.worker.prepare.PreprocessingRecord;
import dev.anneal.worker.prepare.TextEncoder;
import dev.anneal.worker.train.text.BeamDecoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A stored translation trial's encoder–decoder, restored to decode encoded source rows into the
 * target's tokens, joined by spaces as the target column writes them.
 */
final class TrainedTranslator {

    private final ComputationGraph network;
    private final TextEncoder target;
    private final int beamWidth;

    private TrainedTranslator(ComputationGraph network, TextEncoder target, int beamWidth) {
        this.network = network;
        this.target = target;
        this.beamWidth = beamWidth;
    }

    /** @param beamWidth the trial's, so predictions decode as its validation did */
    static TrainedTranslator restore(byte[] zip, PreprocessingRecord record, int beamWidth) {
        try {
            ComputationGraph network = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(zip), false);
            // models stored before decoding fed only the tokens so far had fixed-length embeddings
            for (Layer layer : network.getLayers()) {
                if (layer.conf().getLayer() instanceof EmbeddingSequenceLayer embedding) {
                    embedding.setInferInputLength(true);
                }
            }
            return new TrainedTranslator(
                    network, (TextEncoder) FeatureEncoder.of(record.features().get(1)), beamWidth);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the stored DL4J model", e);
        }
    }

    synchronized List<String> translate(float[][] sourceRows) {
        return BeamDecoder.decode(network, Nd4j.create(sourceRows), target.maxLength() + 1, beamWidth).stream()
                .map(ids -> Arrays.stream(ids)
                        .mapToObj(id -> target.vocabulary().token(id))
                        .collect(Collectors.joining(" ")))
                .toList();
    }
}
