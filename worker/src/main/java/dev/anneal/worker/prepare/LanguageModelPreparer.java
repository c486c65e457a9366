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
 * Prepares a character language model ({@code task: language_model}): each text's first {@code
 * maxLength} characters become a sequence that predicts itself one step ahead. The input opens
 * with the end id (as a start marker) and the labels close with it, so the model also learns
 * where texts end:
 *
 * <pre>
 *   input   END  A   m   y
 *   label   A    m   y   END
 * </pre>
 *
 * Both are {@code maxLength + 1} ids wide, padded with 0 and masked alike. The vocabulary (the
 * characters of the training split) is the record's only feature, so the stored model can be
 * sampled and scored again.
 */
public final class LanguageModelPreparer {

    public static final String LAYOUT = "language_model";

    private LanguageModelPreparer() {}

    public static PreparedData prepare(CsvTable table, JobSpec spec, PreparationOptions options) {
        var text = spec.model().text();
        Column column = TabularPreparer.features(table, spec).get(0);
        int[] rows = IntStream.range(0, table.rowCount())
                .filter(r -> !column.isMissing(r))
                .toArray();
        HoldoutSplit split = HoldoutSplit.of(
                rows.length,
                null,
                spec.validation().fraction(),
                spec.algorithm().seed());
        int[] trainRows = pick(rows, split.train());
        int[] validationRows = pick(rows, split.validation());
        if (trainRows.length < 2 || validationRows.length < 1) {
            throw new TrainingDataException(
                    "too few texts (" + rows.length + ") to split into training and validation");
        }
        TextEncoder encoder = TextEncoder.fit(
                (CategoricalColumn) column,
                trainRows,
                Tokenizer.CHARACTERS,
                options.maxLength(),
                text.minCount(),
                text.maxVocabulary());
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
                List.of(encoder.describe()),
                null,
                null);
        float[][] trainX = new float[trainRows.length][];
        float[][] trainY = new float[trainRows.length][];
        encode((CategoricalColumn) column, encoder, trainRows, trainX, trainY);
        float[][] validationX = new float[validationRows.length][];
        float[][] validationY = new float[validationRows.length][];
        encode((CategoricalColumn) column, encoder, validationRows, validationX, validationY);
        return new PreparedData(
                trainX,
                trainY,
                validationX,
                validationY,
                null,
                null,
                null,
                encoder.vocabulary().size(),
                record);
    }

    /** Input and label ids of each row, {@code maxLength + 1} wide. */
    private static void encode(
            CategoricalColumn column, TextEncoder encoder, int[] rows, float[][] inputs, float[][] labels) {
        for (int i = 0; i < rows.length; i++) {
            List<String> tokens = encoder.tokenizer().tokens(column.get(rows[i]), encoder.maxLength());
            inputs[i] = new float[encoder.maxLength() + 1];
            labels[i] = new float[encoder.maxLength() + 1];
            inputs[i][0] = Vocabulary.END;
            for (int t = 0; t < tokens.size(); t++) {
                int id = encoder.vocabulary().id(tokens.get(t));
                inputs[i][t + 1] = id;
                labels[i][t] = id;
            }
            labels[i][tokens.size()] = Vocabulary.END;
        }
    }

    private static int[] pick(int[] values, int[] positions) {
        return IntStream.of(positions).map(p -> values[p]).toArray();
    }
}
