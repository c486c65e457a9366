package dev.anneal.worker.prepare;

import dev.anneal.worker.dataset.CategoricalColumn;
import dev.anneal.worker.dataset.Column;
import dev.anneal.worker.dataset.CsvTable;
import dev.anneal.worker.dataset.NumericColumn;
import dev.anneal.worker.prepare.PreprocessingRecord.TargetTransform;
import dev.anneal.worker.train.TrainingSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * Turns a table into {@link PreparedData} for a job: drops rows without a target, splits
 * train/validation with the job's seed, and fits imputation, standardization and one-hot
 * encodings on the training split only, so validation scores are honest.
 */
public final class TabularPreparer {

    private TabularPreparer() {}

    public static PreparedData prepare(CsvTable table, TrainingSpec spec) {
        Column target = table.column(spec.target())
                .orElseThrow(() ->
                        new TrainingDataException("target column \"" + spec.target() + "\" is not in the dataset"));
        List<Column> features = features(table, spec);
        int[] rows = IntStream.range(0, table.rowCount())
                .filter(r -> !target.isMissing(r))
                .toArray();
        int dropped = table.rowCount() - rows.length;

        Labels labels = spec.isClassification() ? Labels.of(target, rows) : null;
        if (!spec.isClassification() && !(target instanceof NumericColumn)) {
            throw new TrainingDataException(
                    "regression needs a numeric target, but \"" + target.name() + "\" has text values");
        }
        HoldoutSplit split = HoldoutSplit.of(
                rows.length,
                labels == null ? null : labels.index(),
                spec.validation().fraction(),
                spec.algorithm().seed());
        int[] trainRows = pick(rows, split.train());
        int[] validationRows = pick(rows, split.validation());
        if (trainRows.length < 2 || validationRows.length < 1) {
            throw new TrainingDataException(
                    "too few rows with a target (" + rows.length + ") to split into training and validation");
        }

        List<FeatureEncoder> encoders =
                features.stream().map(c -> FeatureEncoder.fit(c, trainRows)).toList();
        float[][] trainX = encode(encoders, trainRows);
        float[][] validationX = encode(encoders, validationRows);
        var featureRecords = encoders.stream().map(FeatureEncoder::describe).toList();

        if (labels != null) {
            int[] trainClasses = pick(labels.index(), split.train());
            int[] validationClasses = pick(labels.index(), split.validation());
            var record = new PreprocessingRecord(
                    rows.length,
                    dropped,
                    trainRows.length,
                    validationRows.length,
                    featureRecords,
                    new TargetTransform(target.name(), labels.classes(), null, null));
            return new PreparedData(
                    trainX,
                    oneHot(trainClasses, labels.classes().size()),
                    validationX,
                    oneHot(validationClasses, labels.classes().size()),
                    validationClasses,
                    null,
                    labels.classes().size(),
                    record);
        }
        NumericColumn numeric = (NumericColumn) target;
        double[] trainTargets =
                IntStream.of(trainRows).mapToDouble(numeric::get).toArray();
        double[] validationTargets =
                IntStream.of(validationRows).mapToDouble(numeric::get).toArray();
        double mean = java.util.Arrays.stream(trainTargets).average().orElse(0);
        double std = Math.sqrt(java.util.Arrays.stream(trainTargets)
                .map(v -> (v - mean) * (v - mean))
                .average()
                .orElse(0));
        double scale = std > 1e-12 ? std : 1.0;
        var record = new PreprocessingRecord(
                rows.length,
                dropped,
                trainRows.length,
                validationRows.length,
                featureRecords,
                new TargetTransform(target.name(), null, mean, scale));
        return new PreparedData(
                trainX,
                standardized(trainTargets, mean, scale),
                validationX,
                standardized(validationTargets, mean, scale),
                null,
                validationTargets,
                0,
                record);
    }

    private static List<Column> features(CsvTable table, TrainingSpec spec) {
        List<Column> features = new ArrayList<>();
        if (spec.features().isEmpty()) {
            table.columns().stream()
                    .filter(c -> !c.name().equals(spec.target()))
                    .forEach(features::add);
        } else {
            for (String name : spec.features()) {
                features.add(table.column(name)
                        .orElseThrow(() ->
                                new TrainingDataException("feature column \"" + name + "\" is not in the dataset")));
            }
        }
        if (features.isEmpty()) {
            throw new TrainingDataException("the dataset has no feature columns besides the target");
        }
        return features;
    }

    private static float[][] encode(List<FeatureEncoder> encoders, int[] rows) {
        int width = encoders.stream().mapToInt(FeatureEncoder::width).sum();
        if (width == 0) {
            throw new TrainingDataException("the feature columns have no values in the training split");
        }
        float[][] x = new float[rows.length][width];
        for (int i = 0; i < rows.length; i++) {
            int offset = 0;
            for (FeatureEncoder encoder : encoders) {
                encoder.encode(rows[i], x[i], offset);
                offset += encoder.width();
            }
        }
        return x;
    }

    private static float[][] oneHot(int[] classes, int count) {
        float[][] y = new float[classes.length][count];
        for (int i = 0; i < classes.length; i++) {
            y[i][classes[i]] = 1f;
        }
        return y;
    }

    private static float[][] standardized(double[] values, double mean, double scale) {
        float[][] y = new float[values.length][1];
        for (int i = 0; i < values.length; i++) {
            y[i][0] = (float) ((values[i] - mean) / scale);
        }
        return y;
    }

    private static int[] pick(int[] values, int[] positions) {
        int[] picked = new int[positions.length];
        for (int i = 0; i < positions.length; i++) {
            picked[i] = values[positions[i]];
        }
        return picked;
    }

    /**
     * Class labels of the rows that have one. Classes are ordered numerically when the target
     * column is numeric (so digits 0..9 map to indices 0..9), else alphabetically.
     */
    private record Labels(List<String> classes, int[] index) {

        static Labels of(Column target, int[] rows) {
            Map<String, Double> order = new TreeMap<>();
            String[] text = new String[rows.length];
            for (int i = 0; i < rows.length; i++) {
                if (target instanceof NumericColumn n) {
                    double v = n.get(rows[i]);
                    text[i] = v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
                    order.put(text[i], v);
                } else {
                    text[i] = ((CategoricalColumn) target).get(rows[i]);
                    order.put(text[i], 0.0);
                }
            }
            List<String> classes = new ArrayList<>(order.keySet());
            if (target instanceof NumericColumn) {
                classes.sort(Comparator.comparing(order::get));
            }
            if (classes.size() < 2) {
                throw new TrainingDataException("classification needs at least 2 classes in \"" + target.name()
                        + "\", but it has " + classes.size());
            }
            Map<String, Integer> indexOf = new TreeMap<>();
            for (int i = 0; i < classes.size(); i++) {
                indexOf.put(classes.get(i), i);
            }
            int[] index = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                index[i] = indexOf.get(text[i]);
            }
            return new Labels(List.copyOf(classes), index);
        }
    }
}
