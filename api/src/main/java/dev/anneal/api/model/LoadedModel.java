package dev.anneal.api.model;

import dev.anneal.worker.predict.TrainedNetwork;
import dev.anneal.worker.prepare.FeatureEncoder;
import dev.anneal.worker.prepare.PreprocessingRecord;
import java.util.List;

/**
 * A trial's network ready for predictions, with the encoders rebuilt from its preprocessing
 * record, so request rows get exactly the preparation the network was trained with.
 */
record LoadedModel(TrainedNetwork network, PreprocessingRecord preprocessing, List<FeatureEncoder> encoders) {

    static final String DROP = "drop";

    int inputWidth() {
        return encoders.stream().mapToInt(FeatureEncoder::width).sum();
    }

    /** With imputation {@code drop} training never saw a filled value, so a missing one cannot be predicted. */
    boolean fillsMissingValues() {
        return !DROP.equals(preprocessing.imputation());
    }

    boolean isClassification() {
        return preprocessing.target().classes() != null;
    }
}
