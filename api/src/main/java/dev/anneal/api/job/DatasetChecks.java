package dev.anneal.api.job;

import dev.anneal.data.ColumnProfile;
import dev.anneal.data.DatasetProfile;
import dev.anneal.spec.JobSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rules of a DL4J job that need its dataset's profile: the target column and the task it
 * allows (or implies), and the feature columns. Each problem is added to the spec's errors with
 * the field it belongs to.
 */
final class DatasetChecks {

    static final int MAX_CLASSES = 1000;
    /** A numeric target with at most this many distinct values is taken as class labels. */
    static final int CLASSIFICATION_MAX_DISTINCT = 20;

    static final List<String> TASKS = List.of(JobSpec.CLASSIFICATION, JobSpec.REGRESSION);

    private DatasetChecks() {}

    /**
     * GAN jobs model whole rows: a table GAN has no label column. An image GAN may name one, whose
     * classes train the classifier that scores its samples (it generates the pixels only).
     */
    static Optional<String> ganTarget(SpecNode root, ModelSpecParser.Model model) {
        var declared = root.raw("model");
        if (model.image() != null || declared != null && declared.has("input")) {
            return root.string("target", false);
        }
        return noTarget(
                root,
                "gan jobs learn to generate whole rows and have no target (only an image gan, with"
                        + " model.input, may name a label column); list the columns to generate in"
                        + " \"features\" (default: all)");
    }

    /** Jobs that learn their input itself: naming a target is an error. */
    static Optional<String> noTarget(SpecNode root, String why) {
        if (root.has("target")) {
            root.error("target", why);
        }
        return Optional.empty();
    }

    static Optional<String> ganTask(SpecNode root) {
        root.choice("task", false, List.of(JobSpec.GENERATION));
        return Optional.of(JobSpec.GENERATION);
    }

    /** Forecasting a series is regression on its future values. */
    static Optional<String> seriesTask(SpecNode root) {
        root.choice("task", false, List.of(JobSpec.REGRESSION));
        return Optional.of(JobSpec.REGRESSION);
    }

    static Optional<ColumnProfile> column(SpecNode root, String field, DatasetProfile profile, String name) {
        Optional<ColumnProfile> column = profile.column(name);
        if (column.isEmpty()) {
            root.error(
                    field,
                    "must be a column of the dataset, one of " + columnNames(profile) + ", but was \"" + name + "\"");
        }
        return column;
    }

    static String inferTask(ColumnProfile target) {
        boolean fewValues = !target.distinctCapped() && target.distinct() <= CLASSIFICATION_MAX_DISTINCT;
        return ColumnProfile.CATEGORICAL.equals(target.type()) || fewValues
                ? JobSpec.CLASSIFICATION
                : JobSpec.REGRESSION;
    }

    static void checkTarget(SpecNode root, String task, ColumnProfile target) {
        if (JobSpec.REGRESSION.equals(task) && !ColumnProfile.NUMERIC.equals(target.type())) {
            root.error("task", "regression needs a numeric target, but column \"" + target.name() + "\" holds text");
        }
        if (JobSpec.CLASSIFICATION.equals(task) && !target.distinctCapped() && target.distinct() < 2) {
            root.error(
                    "target",
                    "classification needs at least 2 classes, but column \"" + target.name() + "\" has "
                            + target.distinct() + (target.distinct() == 1 ? " value" : " values"));
        }
        if (JobSpec.CLASSIFICATION.equals(task) && (target.distinctCapped() || target.distinct() > MAX_CLASSES)) {
            root.error(
                    "task",
                    "classification allows at most " + MAX_CLASSES + " classes, but column \"" + target.name()
                            + "\" has more; use task regression for a continuous target");
        }
    }

    /**
     * @param target {@code null} for GAN jobs
     * @param series time series may have no feature column: the target is its own input
     * @return the feature columns the job will use
     */
    static List<ColumnProfile> checkFeatures(
            SpecNode root, DatasetProfile profile, String target, List<String> features, boolean series) {
        List<ColumnProfile> used = new ArrayList<>();
        if (features.isEmpty()) {
            if (!series) {
                profile.columns().stream().filter(c -> !c.name().equals(target)).forEach(used::add);
            }
            if (used.isEmpty() && !series) {
                root.error("features", "the dataset has no column besides the target to learn from");
            }
        } else {
            for (String f : features) {
                if (f.equals(target)) {
                    root.error("features", "must not include the target column \"" + target + "\"");
                }
                column(root, "features", profile, f).ifPresent(used::add);
            }
        }
        for (ColumnProfile c : used) {
            if (ColumnProfile.CATEGORICAL.equals(c.type())
                    && (c.distinctCapped() || c.distinct() > ColumnProfile.MAX_ONE_HOT_CATEGORIES)) {
                root.error(
                        "features",
                        "column \"" + c.name() + "\" has " + (c.distinctCapped() ? "over 1000" : c.distinct())
                                + " distinct text values; at most " + ColumnProfile.MAX_ONE_HOT_CATEGORIES
                                + " can be one-hot encoded: list the features to use without it");
            }
        }
        return used;
    }

    static List<String> columnNames(DatasetProfile profile) {
        List<String> names = profile.columns().stream().map(ColumnProfile::name).toList();
        return names.size() <= 12
                ? names
                : List.of(String.join(", ", names.subList(0, 12)) + ", ... (" + names.size() + " columns)");
    }
}
