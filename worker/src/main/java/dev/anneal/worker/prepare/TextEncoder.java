package dev.anneal.worker.prepare;

import dev.anneal.data.CategoricalColumn;
import dev.anneal.data.Column;
import dev.anneal.data.text.Tokenizer;
import dev.anneal.data.text.Vocabulary;
import dev.anneal.worker.prepare.PreprocessingRecord.FeatureTransform;
import java.util.ArrayList;
import java.util.List;

/**
 * A text column as {@code maxLength} token ids: the text's first tokens, then padding (id 0),
 * which the network masks. A text with no token at all (empty or missing) reads as one unknown
 * token, so every row has at least one step the network sees.
 */
public record TextEncoder(String column, Tokenizer tokenizer, int maxLength, Vocabulary vocabulary, int missingInTrain)
        implements FeatureEncoder {

    public static final String TYPE = "text";

    /**
     * Fits the vocabulary on the training rows' first {@code maxLength} tokens (the only ones any
     * network sees).
     *
     * @throws TrainingDataException when no token is seen {@code minCount} times
     */
    static TextEncoder fit(
            CategoricalColumn column,
            int[] trainRows,
            Tokenizer tokenizer,
            int maxLength,
            int minCount,
            int maxTokens) {
        List<List<String>> texts = new ArrayList<>(trainRows.length);
        int missing = 0;
        for (int row : trainRows) {
            String text = column.get(row);
            if (text == null) {
                missing++;
            }
            texts.add(tokenizer.tokens(text, maxLength));
        }
        Vocabulary vocabulary = Vocabulary.fit(texts, minCount, maxTokens);
        if (vocabulary.tokens().isEmpty()) {
            throw new TrainingDataException("the vocabulary of text column \"" + column.name() + "\" is empty: no "
                    + tokenizer.spelling() + " token occurs " + minCount
                    + " times in the training split; lower model.text.minCount");
        }
        return new TextEncoder(column.name(), tokenizer, maxLength, vocabulary, missing);
    }

    static TextEncoder of(FeatureTransform t) {
        return new TextEncoder(
                t.column(),
                Tokenizer.of(t.tokenization()),
                t.maxLength(),
                new Vocabulary(t.vocabulary()),
                t.missingInTrain());
    }

    @Override
    public int width() {
        return maxLength;
    }

    @Override
    public void encode(Column c, int row, float[] out, int offset) {
        encodeText(((CategoricalColumn) c).get(row), out, offset);
    }

    @Override
    public void encodeText(String cell, float[] out, int offset) {
        List<String> tokens = tokenizer.tokens(cell, maxLength);
        if (tokens.isEmpty()) {
            out[offset] = Vocabulary.UNKNOWN;
            return;
        }
        for (int i = 0; i < tokens.size(); i++) {
            out[offset + i] = vocabulary.id(tokens.get(i));
        }
    }

    @Override
    public FeatureTransform describe() {
        return new FeatureTransform(
                column,
                TYPE,
                missingInTrain,
                null,
                null,
                null,
                null,
                null,
                null,
                tokenizer.spelling(),
                maxLength,
                vocabulary.tokens());
    }
}
