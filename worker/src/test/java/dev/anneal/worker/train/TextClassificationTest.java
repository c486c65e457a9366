package dev.anneal.worker.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anneal.data.CsvTable;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.JobSpec.ModelSpec;
import dev.anneal.spec.ModelFamily;
import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.worker.config.Nd4jThreads;
import dev.anneal.worker.predict.TrainedNetwork;
import dev.anneal.worker.prepare.FeatureEncoder;
import dev.anneal.worker.prepare.PreparationOptions;
import dev.anneal.worker.prepare.PreparedData;
import dev.anneal.worker.prepare.TabularPreparer;
import dev.anneal.worker.prepare.TextEncoder;
import dev.anneal.worker.prepare.TrainingDataException;
import dev.anneal.worker.testing.RecordingMonitor;
import dev.anneal.worker.testing.Specs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Text classification on the shared first names ({@code names.csv}: name, gender): the
 * vocabulary comes from the training split only, the network learns gender from characters,
 * and the stored model predicts raw names through the preprocessing record alone.
 */
class TextClassificationTest {

    static CsvTable names;

    @BeforeAll
    static void load() {
        Nd4jThreads.limit(1);
        names = Specs.table("names.csv");
    }

    static JobSpec namesSpec(int minCount) {
        return Specs.spec(
                "gender",
                "classification",
                "val_accuracy",
                "maximize",
                new ModelSpec(ModelFamily.LSTM, null, null, null, new JobSpec.TextSpec("name", 10_000, minCount)),
                Specs.holdout(),
                3);
    }

    @Test
    void vocabularyIsFittedOnTheTrainingSplitAndRowsArePaddedToMaxLength() {
        TrialParams params = new TrialParams(Map.of("tokenization", "characters", "maxLength", 12L));
        PreparedData data = TabularPreparer.prepare(names, namesSpec(1), PreparationOptions.of(params))
                .get(0);
        var text = data.record().features().get(0);
        assertThat(data.record().layout()).isEqualTo("text");
        assertThat(text.tokenization()).isEqualTo("characters");
        assertThat(text.maxLength()).isEqualTo(12);
        // upper- and lower-case letters and a few marks: far fewer than the rows
        assertThat(text.vocabulary()).hasSizeBetween(40, 70).contains("a", "e", "A");
        assertThat(data.inputWidth()).isEqualTo(12);
        // names are short: every row starts with real tokens and ends in padding
        float[] first = data.trainX()[0];
        assertThat(first[0]).isGreaterThanOrEqualTo(3);
        assertThat(first[11]).isZero();
    }

    @Test
    void anEmptyVocabularyAfterTheMinimumCountIsTheDatasetsFaultWithTheReason() {
        TrialParams params = new TrialParams(Map.of("tokenization", "words"));
        // every name is one word and names repeat rarely: none occurs 1000 times
        assertThatThrownBy(() -> TabularPreparer.prepare(names, namesSpec(1000), PreparationOptions.of(params)))
                .isInstanceOf(TrainingDataException.class)
                .hasMessageContaining("vocabulary of text column \"name\" is empty")
                .hasMessageContaining("minCount");
    }

    @Test
    void learnsGenderFromTheCharactersOfANameAndItsStoredModelPredictsRawNames() throws Exception {
        JobSpec spec = namesSpec(1);
        TrialParams params = new TrialParams(Map.of(
                "tokenization", "characters",
                "maxLength", 15L,
                "embeddingSize", 16L,
                "units", 48L,
                "hiddenLayers", 1L,
                "epochs", 4L,
                "batchSize", 32L,
                "learningRate", 0.01));
        List<PreparedData> folds = TabularPreparer.prepare(names, spec, PreparationOptions.of(params));
        var result = (TrainingResult.Finished) SupervisedTrainer.train(folds, spec, params, 7, new RecordingMonitor());
        double accuracy = result.curve().stream()
                .mapToDouble(m -> m.get("val_accuracy"))
                .max()
                .orElseThrow();
        // the majority class is about 0.6; the 4-gram logistic regression anchor is 0.885
        assertThat(accuracy).isGreaterThan(0.78);

        var record = folds.get(0).record();
        TrainedNetwork network = TrainedNetwork.restore(result.model().zip(), record, spec, params);
        var encoder = (TextEncoder) FeatureEncoder.of(record.features().get(0));
        float[][] rows = new float[2][encoder.width()];
        encoder.encodeText("Margaret", rows[0], 0);
        encoder.encodeText("Bartholomew", rows[1], 0);
        float[][] probabilities = network.output(rows);
        int female = record.target().classes().indexOf("female");
        assertThat(probabilities[0][female]).isGreaterThan(0.5f);
        assertThat(probabilities[1][female]).isLessThan(0.5f);
    }
}
