package dev.anneal.worker.prepare;

import dev.anneal.worker.dataset.CategoricalColumn;
import dev.anneal.worker.dataset.Column;
import dev.anneal.worker.dataset.NumericColumn;
import dev.anneal.worker.prepare.PreprocessingRecord.FeatureTransform;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns one column into network inputs, with statistics fitted on training rows only. */
sealed interface FeatureEncoder permits FeatureEncoder.Standardized, FeatureEncoder.OneHot {

    /** Categorical columns with more distinct training values than this are refused. */
    int MAX_CATEGORIES = 100;

    int width();

    void encode(int row, float[] out, int offset);

    FeatureTransform describe();

    static FeatureEncoder fit(Column column, int[] trainRows) {
        return column instanceof NumericColumn n
                ? Standardized.fit(n, trainRows)
                : OneHot.fit((CategoricalColumn) column, trainRows);
    }

    /** Mean imputation, then standardization. A constant column gets scale 1 so it encodes as zeros. */
    record Standardized(NumericColumn column, double mean, double std, int missingInTrain) implements FeatureEncoder {

        static Standardized fit(NumericColumn column, int[] trainRows) {
            double sum = 0;
            int present = 0;
            for (int row : trainRows) {
                double v = column.get(row);
                if (!Double.isNaN(v)) {
                    sum += v;
                    present++;
                }
            }
            double mean = present == 0 ? 0 : sum / present;
            double squares = 0;
            for (int row : trainRows) {
                double v = column.get(row);
                if (!Double.isNaN(v)) {
                    squares += (v - mean) * (v - mean);
                }
            }
            double std = present == 0 ? 0 : Math.sqrt(squares / present);
            return new Standardized(column, mean, std > 1e-12 ? std : 1.0, trainRows.length - present);
        }

        @Override
        public int width() {
            return 1;
        }

        @Override
        public void encode(int row, float[] out, int offset) {
            double v = column.get(row);
            out[offset] = Double.isNaN(v) ? 0f : (float) ((v - mean) / std);
        }

        @Override
        public FeatureTransform describe() {
            return new FeatureTransform(column.name(), "numeric", missingInTrain, mean, std, mean, null, null);
        }
    }

    /** Most-frequent imputation, then one input per training category, most frequent first. */
    record OneHot(CategoricalColumn column, List<String> categories, Map<String, Integer> index, int missingInTrain)
            implements FeatureEncoder {

        static OneHot fit(CategoricalColumn column, int[] trainRows) {
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
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < categories.size(); i++) {
                index.put(categories.get(i), i);
            }
            return new OneHot(column, categories, index, missing);
        }

        @Override
        public int width() {
            return categories.size();
        }

        @Override
        public void encode(int row, float[] out, int offset) {
            String v = column.get(row);
            if (v == null) {
                if (!categories.isEmpty()) {
                    out[offset] = 1f; // most frequent category
                }
                return;
            }
            Integer i = index.get(v);
            if (i != null) {
                out[offset + i] = 1f;
            }
        }

        @Override
        public FeatureTransform describe() {
            return new FeatureTransform(
                    column.name(),
                    "categorical",
                    missingInTrain,
                    null,
                    null,
                    null,
                    categories,
                    categories.isEmpty() ? null : categories.get(0));
        }
    }
}
