package dev.anneal.worker.prepare;

import dev.anneal.data.CategoricalColumn;
import dev.anneal.data.Column;
import dev.anneal.data.ColumnProfile;
import dev.anneal.data.MissingValues;
import dev.anneal.data.NumericColumn;
import dev.anneal.worker.prepare.PreprocessingRecord.FeatureTransform;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one column into network inputs, with statistics fitted on training rows only. The same
 * encoder, rebuilt from its {@link FeatureTransform}, encodes rows sent for prediction, so a
 * model sees exactly the preparation it was trained with.
 */
public sealed interface FeatureEncoder permits FeatureEncoder.Scaled, FeatureEncoder.OneHot, TextEncoder {

    /** Categorical columns with more distinct training values than this are refused. */
    int MAX_CATEGORIES = ColumnProfile.MAX_ONE_HOT_CATEGORIES;

    String column();

    int width();

    /** Encodes a cell of the training table. */
    void encode(Column column, int row, float[] out, int offset);

    /**
     * Encodes a cell given as text (as a CSV would hold it; a missing marker or {@code null} is
     * missing).
     *
     * @throws TrainingDataException a numeric column given text that is not a number
     */
    void encodeText(String cell, float[] out, int offset);

    FeatureTransform describe();

    static FeatureEncoder of(FeatureTransform t) {
        if (TextEncoder.TYPE.equals(t.type())) {
            return TextEncoder.of(t);
        }
        return "categorical".equals(t.type())
                ? new OneHot(t.column(), t.categories(), index(t.categories()), t.fillCategory(), t.missingInTrain())
                : new Scaled(
                        t.column(),
                        t.center(),
                        t.scale(),
                        t.fill(),
                        t.missingInTrain(),
                        Boolean.TRUE.equals(t.integer()));
    }

    /** Fits a categorical column: one input per training category, most frequent first. */
    static OneHot oneHot(CategoricalColumn column, int[] trainRows) {
        Map<String, Integer> counts = new HashMap<>();
        int missing = 0;
        for (int row : trainRows) {
            String v = column.get(row);
            if (v == null) {
                missing++;
            } else {
                counts.merge(v, 1, Integer::sum);
            }
        }
        if (counts.size() > MAX_CATEGORIES) {
            throw new TrainingDataException("feature column \"" + column.name() + "\" has " + counts.size()
                    + " distinct values; at most " + MAX_CATEGORIES + " can be one-hot encoded");
        }
        List<String> categories = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
        // missing cells take the most frequent category whatever the imputation: a category has no mean
        return new OneHot(
                column.name(), categories, index(categories), categories.isEmpty() ? null : categories.get(0), missing);
    }

    private static Map<String, Integer> index(List<String> categories) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < categories.size(); i++) {
            index.put(categories.get(i), i);
        }
        return index;
    }

    /**
     * Missing cells become {@code fill}, then {@code (x - center) / scale}.
     *
     * @param integer whether every training value is a whole number
     */
    record Scaled(String column, double center, double scale, double fill, int missingInTrain, boolean integer)
            implements FeatureEncoder {

        @Override
        public int width() {
            return 1;
        }

        @Override
        public void encode(Column c, int row, float[] out, int offset) {
            out[offset] = scaled(((NumericColumn) c).get(row));
        }

        @Override
        public void encodeText(String cell, float[] out, int offset) {
            if (MissingValues.isMissing(cell)) {
                out[offset] = scaled(Double.NaN);
                return;
            }
            try {
                out[offset] = scaled(Double.parseDouble(cell.trim()));
            } catch (NumberFormatException e) {
                throw new TrainingDataException(
                        "column \"" + column + "\" needs a number, but was \"" + cell.trim() + "\"");
            }
        }

        private float scaled(double v) {
            return (float) (((Double.isNaN(v) ? fill : v) - center) / scale);
        }

        @Override
        public FeatureTransform describe() {
            return new FeatureTransform(
                    column, "numeric", missingInTrain, center, scale, fill, null, null, integer ? Boolean.TRUE : null);
        }
    }

    /** Missing cells become {@code fillCategory}; an unseen category encodes as all zeros. */
    record OneHot(
            String column, List<String> categories, Map<String, Integer> index, String fillCategory, int missingInTrain)
            implements FeatureEncoder {

        @Override
        public int width() {
            return categories.size();
        }

        @Override
        public void encode(Column c, int row, float[] out, int offset) {
            encodeText(((CategoricalColumn) c).get(row), out, offset);
        }

        @Override
        public void encodeText(String cell, float[] out, int offset) {
            String v = MissingValues.isMissing(cell) ? fillCategory : cell.trim();
            Integer i = v == null ? null : index.get(v);
            if (i != null) {
                out[offset + i] = 1f;
            }
        }

        @Override
        public FeatureTransform describe() {
            return new FeatureTransform(
                    column, "categorical", missingInTrain, null, null, null, categories, fillCategory, null);
        }
    }
}
