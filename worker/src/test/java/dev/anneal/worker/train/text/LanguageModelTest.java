package dev.anneal.worker.train.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.data.CsvTable;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.JobSpec.ModelSpec;
import dev.anneal.spec.ModelFamily;
import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.worker.config.Nd4jThreads;
import dev.anneal.worker.prepare.DataPreparation;
import dev.anneal.worker.prepare.PreparationOptions;
import dev.anneal.worker.prepare.PreparedData;
import dev.anneal.worker.testing.RecordingMonitor;
import dev.anneal.worker.testing.Specs;
import dev.anneal.worker.train.TrainingResult;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A character language model on the shared first names: it must beat a uniform guess over its
 * characters by far, report bits per character and perplexity consistently, and store drawn
 * names that look like names (letters, mostly short, capitalized as the data is).
 */
class LanguageModelTest {

    static CsvTable names;

    @BeforeAll
    static void load() {
        Nd4jThreads.limit(1);
        names = Specs.table("names.csv");
    }

    @Test
    void learnsToContinueNamesAndStoresSamples() {
        JobSpec spec = Specs.spec(
                null,
                JobSpec.LANGUAGE_MODEL,
                "val_bpc",
                "minimize",
                new ModelSpec(ModelFamily.LSTM, null, null, null, new JobSpec.TextSpec("name", 10_000, 1)),
                Specs.holdout(),
                3);
        TrialParams params = new TrialParams(Map.of(
                "maxLength", 15L,
                "embeddingSize", 16L,
                "units", 64L,
                "hiddenLayers", 1L,
                "epochs", 3L,
                "learningRate", 0.01));
        PreparedData data = DataPreparation.prepare(names, spec, PreparationOptions.of(params))
                .get(0);
        assertThat(data.record().layout()).isEqualTo("language_model");
        assertThat(data.inputWidth()).isEqualTo(16);

        var result = (TrainingResult.Finished) LanguageModelRun.train(data, spec, params, 5, new RecordingMonitor());

        var last = result.curve().get(result.curve().size() - 1);
        double uniform = Math.log(data.classCount() - 2) / Math.log(2); // every character and the end alike
        assertThat(last.get("val_bpc")).isLessThan(uniform - 2.0).isGreaterThan(1.0);
        assertThat(last.get("val_perplexity"))
                .isCloseTo(Math.pow(2, last.get("val_bpc")), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(result.curve().get(0).get("val_bpc")).isGreaterThan(last.get("val_bpc"));

        String[] samples = result.model().samples().split("\n");
        assertThat(samples[0]).isEqualTo("name");
        assertThat(samples).hasSize(LanguageModelRun.SAMPLES + 1);
        long nameLike = java.util.Arrays.stream(samples)
                .skip(1)
                .filter(s -> s.matches("[A-Z][a-z'-]{1,14}"))
                .count();
        assertThat(nameLike).as(String.join(", ", samples)).isGreaterThanOrEqualTo(LanguageModelRun.SAMPLES / 2);
    }

    @Test
    void csvCellsWithCommasQuotesOrLineBreaksAreQuoted() {
        assertThat(LanguageModelRun.csvCell("Amy")).isEqualTo("Amy");
        assertThat(LanguageModelRun.csvCell("a,b")).isEqualTo("\"a,b\"");
        assertThat(LanguageModelRun.csvCell("say \"hi\"\n")).isEqualTo("\"say \"\"hi\"\"\n\"");
    }
}
