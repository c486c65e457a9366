package dev.anneal.worker.prepare;

import dev.anneal.data.CategoricalColumn;
import dev.anneal.data.Column;
import dev.anneal.data.CsvTable;
import dev.anneal.data.NumericColumn;
import dev.anneal.data.text.Tokenizer;
import dev.anneal.spec.JobSpec;
import dev.anneal.worker.prepare.PreprocessingRecord.TargetTransform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Turns a table into {@link PreparedData} for a job: drops rows without a target, splits
 * train/validation (holdout or k folds) with the job's seed, and fits imputation, scaling and
 * one-hot encodings on each training part only, so validation scores are honest. Image and
 * sequence models read the same rows (the api has checked that their columns are numeric and
 * match the declared shape).
 */
public final class TabularPreparer {

    private TabularPreparer() {}

    /** The job's data with default options, first (or only) fold: for tools and tests. */
    public static PreparedData prepare(CsvTable table, JobSpec spec) {
        return prepare(table, spec, PreparationOptions.DEFAULT).get(0);
    }

    /** One {@link PreparedData} per validation fold (one for holdout). */
    public static List<PreparedData> prepare(CsvTable table, JobSpec spec, PreparationOptions options) {
        boolean generation = JobSpec.GENERATION.equals(spec.task());
        // an image GAN may name a label column: its classes train the quality classifier only
        Column target = spec.target() == null
                ? null
                : table.column(spec.target())
                        .orElseThrow(() -> new TrainingDataException(
                                "target column \"" + spec.target() + "\" is not in the dataset"));
        // image and sequence shapes were checked against the dataset's columns when the job was submitted
        List<Column> features = features(table, spec);
        int[] rows = IntStream.range(0, table.rowCount())
                .filter(r -> target == null || !target.isMissing(r))
                .toArray();
        int dropped = table.rowCount() - rows.length;
        Labels labels = spec.isClassification() || generation && target != null ? Labels.of(target, rows) : null;
        if (!generation && !spec.isClassification() && !(target instanceof NumericColumn)) {
            throw new TrainingDataException(
                    "regression needs a numeric target, but \"" + target.name() + "\" has text values");
        }
        int[] classes = labels == null ? null : labels.index();
        List<HoldoutSplit> splits = spec.validation().isKfold()
                ? HoldoutSplit.kfold(
                        rows.length,
                        classes,
                        spec.validation().folds(),
                        spec.algorithm().seed())
                : List.of(HoldoutSplit.of(
                        rows.length,
                        classes,
                        spec.validation().fraction(),
                        spec.algorithm().seed()));
        List<PreparedData> folds = new ArrayList<>();
        for (HoldoutSplit split : splits) {
            folds.add(fold(new Fold(spec, options, target, features, labels, rows, dropped, splits.size()), split));
        }
        return folds;
    }

    /** What every fold of one preparation shares. */
    private record Fold(
            JobSpec spec,
            PreparationOptions options,
            Column target,
            List<Column> features,
            Labels labels,
            int[] rows,
            int droppedMissingTarget,
            int folds) {}

    private static PreparedData fold(Fold f, HoldoutSplit split) {
        int[] trainPositions = split.train();
        int[] validationPositions = split.validation();
        int before = trainPositions.length + validationPositions.length;
        if (NumericScaling.DROP.equals(f.options().imputation())) {
            trainPositions = complete(f, trainPositions);
            validationPositions = complete(f, validationPositions);
        }
        int droppedFeatures = before - trainPositions.length - validationPositions.length;
        int[] trainRows = pick(f.rows(), trainPositions);
        int[] validationRows = pick(f.rows(), validationPositions);
        if (trainRows.length < 2 || validationRows.length < 1) {
            throw new TrainingDataException("too few usable rows (" + (trainRows.length + validationRows.length)
                    + ") to split into training and validation");
        }
        List<FeatureEncoder> encoders = encoders(f, trainRows);
        float[][] trainX = encode(f.features(), encoders, trainRows);
        float[][] validationX = encode(f.features(), encoders, validationRows);
        var featureRecords = encoders.stream().map(FeatureEncoder::describe).toList();
        String layout = layout(f.spec());
        if (f.labels() != null) {
            int classCount = f.labels().classes().size();
            int[] trainClasses = pick(f.labels().index(), trainPositions);
            int[] validationClasses = pick(f.labels().index(), validationPositions);
            var record = record(
                    f,
                    layout,
                    droppedFeatures,
                    trainRows,
                    validationRows,
                    featureRecords,
                    new TargetTransform(f.target().name(), f.labels().classes(), null, null));
            return new PreparedData(
                    trainX,
                    oneHot(trainClasses, classCount),
                    validationX,
                    oneHot(validationClasses, classCount),
                    validationClasses,
                    null,
                    null,
                    classCount,
                    record);
        }
        if (f.target() == null) {
            var record = record(f, layout, droppedFeatures, trainRows, validationRows, featureRecords, null);
            return new PreparedData(trainX, null, validationX, null, null, null, null, 0, record);
        }
        NumericColumn numeric = (NumericColumn) f.target();
        double[] trainTargets =
                IntStream.of(trainRows).mapToDouble(numeric::get).toArray();
        double[] validationTargets =
                IntStream.of(validationRows).mapToDouble(numeric::get).toArray();
        double mean = Arrays.stream(trainTargets).average().orElse(0);
        double std = Math.sqrt(Arrays.stream(trainTargets)
                .map(v -> (v - mean) * (v - mean))
                .average()
                .orElse(0));
        double scale = std > 1e-12 ? std : 1.0;
        var record = record(
                f,
                layout,
                droppedFeatures,
                trainRows,
                validationRows,
                featureRecords,
                new TargetTransform(numeric.name(), null, mean, scale));
        return new PreparedData(
                trainX,
                standardized(trainTargets, mean, scale),
                validationX,
                standardized(validationTargets, mean, scale),
                null,
                validationTargets,
                null,
                0,
                record);
    }

    private static PreprocessingRecord record(
            Fold f,
            String layout,
            int droppedFeatures,
            int[] trainRows,
            int[] validationRows,
            List<PreprocessingRecord.FeatureTransform> features,
            TargetTransform target) {
        return new PreprocessingRecord(
                layout,
                f.options().normalization(),
                f.options().imputation(),
                f.rows().length,
                f.droppedMissingTarget(),
                droppedFeatures,
                trainRows.length,
                validationRows.length,
                f.folds(),
                features,
                target,
                null);
    }

    static String layout(JobSpec spec) {
        if (spec.model().text() != null) {
            return TextEncoder.TYPE;
        }
        if (spec.model().input() != null) {
            return "image";
        }
        return spec.model().sequence() != null ? "sequence" : "tabular";
    }

    /** Positions (into {@code rows}) whose row has every feature present. */
    private static int[] complete(Fold f, int[] positions) {
        return IntStream.of(positions)
                .filter(p -> f.features().stream().noneMatch(c -> c.isMissing(f.rows()[p])))
                .toArray();
    }

    private static List<FeatureEncoder> encoders(Fold f, int[] trainRows) {
        JobSpec spec = f.spec();
        List<NumericColumn> numeric = f.features().stream()
                .filter(NumericColumn.class::isInstance)
                .map(NumericColumn.class::cast)
                .toList();
        boolean pooled = spec.model().input() != null;
        var scaled = NumericScaling.fit(
                        numeric,
                        trainRows,
                        f.options().normalization(),
                        f.options().imputation(),
                        spec.preprocessing().fillValue(),
                        pooled)
                .iterator();
        List<FeatureEncoder> encoders = new ArrayList<>();
        var text = spec.model().text();
        for (Column c : f.features()) {
            if (text != null) {
                encoders.add(TextEncoder.fit(
                        (CategoricalColumn) c,
                        trainRows,
                        Tokenizer.of(f.options().tokenization()),
                        f.options().maxLength(),
                        text.minCount(),
                        text.maxVocabulary()));
                continue;
            }
            encoders.add(c instanceof CategoricalColumn cat ? FeatureEncoder.oneHot(cat, trainRows) : scaled.next());
        }
        return encoders;
    }

    static List<Column> features(CsvTable table, JobSpec spec) {
        List<Column> features = new ArrayList<>();
        var text = spec.model().text();
        if (text != null) {
            Column column = table.column(text.column())
                    .orElseThrow(() ->
                            new TrainingDataException("text column \"" + text.column() + "\" is not in the dataset"));
            if (!(column instanceof CategoricalColumn)) {
                throw new TrainingDataException("text column \"" + text.column() + "\" holds numbers, not text");
            }
            return List.of(column);
        }
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

    private static float[][] encode(List<Column> columns, List<FeatureEncoder> encoders, int[] rows) {
        int width = encoders.stream().mapToInt(FeatureEncoder::width).sum();
        if (width == 0) {
            throw new TrainingDataException("the feature columns have no values in the training split");
        }
        float[][] x = new float[rows.length][width];
        for (int i = 0; i < rows.length; i++) {
            int offset = 0;
            for (int e = 0; e < encoders.size(); e++) {
                encoders.get(e).encode(columns.get(e), rows[i], x[i], offset);
                offset += encoders.get(e).width();
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
}
