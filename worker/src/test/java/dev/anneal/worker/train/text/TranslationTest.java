package dev.anneal.worker.train.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.data.CsvTable;
import dev.anneal.data.CsvTableReader;
import dev.anneal.db.testing.SharedDatasets;
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
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Grapheme-to-phoneme "translation" on a slice of the shared CMU dictionary: an encoder–decoder
 * learns spelled words to ARPAbet phonemes, greedy decoding is scored by token and sequence error
 * rates, and both fall as it trains.
 */
class TranslationTest {

    static CsvTable words;

    @BeforeAll
    static void load() throws Exception {
        Nd4jThreads.limit(1);
        words = cmudict(30); // 3,700 words spread over the alphabet
    }

    /** Every {@code stride}-th word of the shared CMU dictionary (1: all 111,487). */
    static CsvTable cmudict(int stride) throws java.io.IOException {
        try (var in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ByteArrayInputStream(SharedDatasets.bytes("cmudict.csv.gz"))),
                StandardCharsets.UTF_8))) {
            var lines = in.lines().toList();
            String csv = lines.get(0) + "\n"
                    + java.util.stream.IntStream.range(1, lines.size())
                            .filter(i -> i % stride == 0)
                            .mapToObj(lines::get)
                            .collect(Collectors.joining("\n"));
            return CsvTableReader.read(csv.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Spelling to phonemes on a 10% holdout, as examples/jobs/cmudict-translation.json. */
    static JobSpec spec(int maxTrials) {
        return Specs.spec(
                "phonemes",
                JobSpec.TRANSLATION,
                "val_ter",
                "minimize",
                new ModelSpec(ModelFamily.LSTM, null, null, null, new JobSpec.TextSpec("word", 10_000, 1)),
                new JobSpec.ValidationSpec(dev.anneal.spec.ValidationScheme.HOLDOUT, 0.1, null, null),
                maxTrials);
    }

    @Test
    void anEncoderDecoderLearnsPronunciationsScoredByGreedyDecoding() {
        JobSpec spec = spec(3);
        TrialParams params = new TrialParams(Map.of(
                "tokenization", "characters",
                "maxLength", 16L,
                "embeddingSize", 24L,
                "units", 96L,
                "hiddenLayers", 1L,
                "epochs", 3L,
                "batchSize", 32L,
                "learningRate", 0.01,
                "gradientClipping", 1.0));
        PreparedData data = DataPreparation.prepare(words, spec, PreparationOptions.of(params))
                .get(0);
        assertThat(data.record().layout()).isEqualTo("translation");
        assertThat(data.record().features()).hasSize(2);
        assertThat(data.record().features().get(1).vocabulary())
                .contains("AH0", "K", "T")
                .hasSizeBetween(60, 90);

        var result = (TrainingResult.Finished) TranslationRun.train(data, spec, params, 5, new RecordingMonitor());

        var first = result.curve().get(0);
        var last = result.curve().get(result.curve().size() - 1);
        assertThat(last.get("val_ter")).isLessThan(first.get("val_ter")).isLessThan(0.75);
        assertThat(last.get("val_ser")).isLessThan(first.get("val_ser")).isLessThan(1.0);
        assertThat(result.model().zip()).isNotEmpty();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void attentionReadsOnlyTheSourcesRealSteps(boolean bidirectional) {
        TrialParams params = new TrialParams(Map.of(
                "embeddingSize", 8L,
                "units", 12L,
                "hiddenLayers", 2L,
                "epochs", 1L,
                "attention", true,
                "bidirectional", bidirectional));
        ComputationGraph net = TranslationNetwork.build(9, 12, 7, 6, params, 3, 1);
        float[][] source = {{3, 4, 5, 0, 0}, {6, 7, 8, 3, 4}};
        float[][] decoder = {{2, 3, 4, 0}, {2, 5, 0, 0}};

        INDArray narrow = output(net, source, decoder);
        INDArray padded = output(net, pad(source, 11), decoder);
        float[][] changed = {{3, 4, 6, 0, 0}, {6, 7, 8, 3, 4}};

        assertThat(padded.sub(narrow).amaxNumber().doubleValue()).isLessThan(1e-6);
        // the control: a real source token does change the first row's predictions
        assertThat(output(net, changed, decoder).sub(narrow).amaxNumber().doubleValue())
                .isGreaterThan(1e-4);
    }

    private static INDArray output(ComputationGraph net, float[][] source, float[][] decoder) {
        INDArray s = Nd4j.create(source);
        INDArray d = Nd4j.create(decoder);
        INDArray[] masks = {TokenBatches.mask(s), TokenBatches.mask(d)};
        INDArray out = net.output(false, new INDArray[] {s, TranslationNetwork.decoderInput(d)}, masks, null)[0];
        return out.mul(TokenBatches.mask(d).reshape(d.size(0), 1, d.size(1)));
    }

    private static float[][] pad(float[][] rows, int width) {
        return java.util.Arrays.stream(rows)
                .map(r -> java.util.Arrays.copyOf(r, width))
                .toArray(float[][]::new);
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(SequenceErrors.distance(new int[] {1, 2, 3}, new int[] {1, 2, 3}))
                .isZero();
        assertThat(SequenceErrors.distance(new int[] {1, 3}, new int[] {1, 2, 3}))
                .isEqualTo(1);
        assertThat(SequenceErrors.distance(new int[] {1, 9, 3, 4}, new int[] {1, 2, 3}))
                .isEqualTo(2);
        assertThat(SequenceErrors.distance(new int[] {}, new int[] {5, 6})).isEqualTo(2);
        SequenceErrors errors = new SequenceErrors();
        errors.add(new int[] {1, 2}, new int[] {1, 2});
        errors.add(new int[] {1}, new int[] {1, 2, 3});
        assertThat(errors.ter()).isEqualTo(2.0 / 5);
        assertThat(errors.ser()).isEqualTo(0.5);
    }
}
