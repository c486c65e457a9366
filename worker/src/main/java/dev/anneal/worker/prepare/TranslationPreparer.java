package dev.anneal.worker.prepare;

import dev.anneal.data.CategoricalColumn;
import dev.anneal.data.Column;
import dev.anneal.data.CsvTable;
import dev.anneal.data.text.Tokenizer;
import dev.anneal.data.text.Vocabulary;
import dev.anneal.spec.JobSpec;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Prepares a sequence-to-sequence job ({@code task: translation}): the source text column as
 * {@code maxLength} token ids (tokenized like any text input), the target column as its
 * space-separated tokens ("AH0 B AW1 T") closed by the end id. The target's length is the
 * longest training target (at most {@value #MAX_TARGET_TOKENS} tokens), so no training target is
 * cut. Rows missing either side are dropped. The record holds both vocabularies: the source's
 * as the feature, the target's as a second text transform named after the target column.
 */
public final class TranslationPreparer {

    public static final String LAYOUT = "translation";
    public static final int MAX_TARGET_TOKENS = 200;

    private TranslationPreparer() {}

    public static PreparedData prepare(CsvTable table, JobSpec spec, PreparationOptions options) {
        var text = spec.model().text();
        Column source = TabularPreparer.features(table, spec).get(0);
        Column target = table.column(spec.target())
                .orElseThrow(() ->
                        new TrainingDataException("target column \"" + spec.target() + "\" is not in the dataset"));
        if (!(target instanceof CategoricalColumn targetText)) {
            throw new TrainingDataException(
                    "target column \"" + spec.target() + "\" holds numbers, not token sequences");
        }
        int[] rows = IntStream.range(0, table.rowCount())
                .filter(r -> !source.isMissing(r) && !target.isMissing(r))
                .toArray();
        HoldoutSplit split = HoldoutSplit.of(
                rows.length,
                null,
                spec.validation().fraction(),
                spec.algorithm().seed());
        int[] trainRows = IntStream.of(split.train()).map(p -> rows[p]).toArray();
        int[] validationRows =
                IntStream.of(split.validation()).map(p -> rows[p]).toArray();
        if (trainRows.length < 2 || validationRows.length < 1) {
            throw new TrainingDataException("too few rows (" + rows.length + ") to split into training and validation");
        }
        TextEncoder sourceEncoder = TextEncoder.fit(
                (CategoricalColumn) source,
                trainRows,
                Tokenizer.of(options.tokenization()),
                options.maxLength(),
                text.minCount(),
                text.maxVocabulary());
        int targetLength = IntStream.of(trainRows)
                .map(r -> Tokenizer.SPACES.tokens(targetText.get(r)).size())
                .max()
                .orElse(1);
        TextEncoder targetEncoder = TextEncoder.fit(
                targetText,
                trainRows,
                Tokenizer.SPACES,
                Math.min(MAX_TARGET_TOKENS, targetLength),
                1,
                JobSpec.TextSpec.LIMIT_MAX_VOCABULARY);
        var record = new PreprocessingRecord(
                LAYOUT,
                null,
                null,
                rows.length,
                table.rowCount() - rows.length,
                0,
                trainRows.length,
                validationRows.length,
                1,
                List.of(sourceEncoder.describe(), targetEncoder.describe()),
                null,
                null);
        return new PreparedData(
                encode((CategoricalColumn) source, sourceEncoder, trainRows),
                targets(targetText, targetEncoder, trainRows),
                encode((CategoricalColumn) source, sourceEncoder, validationRows),
                targets(targetText, targetEncoder, validationRows),
                null,
                null,
                null,
                targetEncoder.vocabulary().size(),
                record);
    }

    private static float[][] encode(CategoricalColumn column, TextEncoder encoder, int[] rows) {
        float[][] x = new float[rows.length][encoder.width()];
        for (int i = 0; i < rows.length; i++) {
            encoder.encode(column, rows[i], x[i], 0);
        }
        return x;
    }

    /** Each target's token ids then the end id, {@code maxLength + 1} wide, padded with 0. */
    static float[][] targets(CategoricalColumn column, TextEncoder encoder, int[] rows) {
        float[][] y = new float[rows.length][encoder.maxLength() + 1];
        for (int i = 0; i < rows.length; i++) {
            List<String> tokens = encoder.tokenizer().tokens(column.get(rows[i]), encoder.maxLength());
            for (int t = 0; t < tokens.size(); t++) {
                y[i][t] = encoder.vocabulary().id(tokens.get(t));
            }
            y[i][tokens.size()] = Vocabulary.END;
        }
        return y;
    }
}
