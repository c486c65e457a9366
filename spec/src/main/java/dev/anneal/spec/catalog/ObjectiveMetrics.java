package dev.anneal.spec.catalog;

import dev.anneal.spec.JobSpec;
import java.util.List;
import java.util.Map;

/**
 * The validation metrics a trainer reports after every epoch, by task, with the direction in
 * which each is better. Any of them can be a job's objective.
 */
public final class ObjectiveMetrics {

    public static final String LOSS = "loss";
    public static final String VAL_LOSS = "val_loss";
    public static final String VAL_ACCURACY = "val_accuracy";
    public static final String VAL_F1 = "val_f1";
    public static final String VAL_AUC = "val_auc";
    public static final String VAL_F1_POSITIVE = "val_f1_positive";
    public static final String VAL_MMD = "val_mmd";
    public static final String VAL_C2ST = "val_c2st";
    /** Image GANs with class labels: see the README's "Image GAN objective". */
    public static final String VAL_FID = "val_fid";

    public static final String VAL_CONFIDENCE = "val_confidence";
    public static final String VAL_COVERAGE = "val_coverage";
    public static final String VAL_RMSE = "val_rmse";
    public static final String VAL_MAE = "val_mae";
    public static final String VAL_R2 = "val_r2";
    public static final String VAL_BPC = "val_bpc";
    public static final String VAL_PERPLEXITY = "val_perplexity";
    public static final String VAL_TER = "val_ter";
    public static final String VAL_SER = "val_ser";

    private static final Map<String, Boolean> CLASSIFICATION = Map.of(
            VAL_ACCURACY, true, VAL_F1, true, VAL_F1_POSITIVE, true, VAL_AUC, true, VAL_LOSS, false, LOSS, false);

    /**
     * Metrics of two-class targets only, about the positive class: the second in the target's
     * order (numeric, else alphabetical), so 1, true, yes and spam are positive against 0, false,
     * no and ham.
     */
    public static final java.util.Set<String> TWO_CLASSES = java.util.Set.of(VAL_F1_POSITIVE, VAL_AUC);

    private static final Map<String, Boolean> GENERATION = Map.of(
            VAL_MMD, false, VAL_C2ST, false, VAL_FID, false, VAL_CONFIDENCE, true, VAL_COVERAGE, true, LOSS, false);

    /** What only an image GAN with a label column reports: its quality classifier's view of the samples. */
    public static final List<String> IMAGE_CLASSIFIER = List.of(VAL_FID, VAL_CONFIDENCE, VAL_COVERAGE);

    private static final Map<String, Boolean> LANGUAGE_MODEL =
            Map.of(VAL_BPC, false, VAL_PERPLEXITY, false, VAL_LOSS, false, LOSS, false);
    private static final Map<String, Boolean> TRANSLATION =
            Map.of(VAL_TER, false, VAL_SER, false, VAL_LOSS, false, LOSS, false);
    private static final Map<String, Boolean> REGRESSION =
            Map.of(VAL_RMSE, false, VAL_MAE, false, VAL_R2, true, VAL_LOSS, false, LOSS, false);

    private ObjectiveMetrics() {}

    /**
     * Metric names for a task, in documentation order. {@code val_auc} and {@code val_f1_positive} exist for two classes only;
     * {@code val_c2st} is the distance of the two-sample test's accuracy from chance, |acc - 0.5|.
     */
    public static List<String> names(String task) {
        return switch (task) {
            case JobSpec.CLASSIFICATION -> List.of(VAL_ACCURACY, VAL_F1, VAL_F1_POSITIVE, VAL_AUC, VAL_LOSS, LOSS);
            case JobSpec.GENERATION -> List.of(VAL_MMD, VAL_C2ST, VAL_FID, VAL_CONFIDENCE, VAL_COVERAGE, LOSS);
            case JobSpec.LANGUAGE_MODEL -> List.of(VAL_BPC, VAL_PERPLEXITY, VAL_LOSS, LOSS);
            case JobSpec.TRANSLATION -> List.of(VAL_TER, VAL_SER, VAL_LOSS, LOSS);
            default -> List.of(VAL_RMSE, VAL_MAE, VAL_R2, VAL_LOSS, LOSS);
        };
    }

    /**
     * What Anneal measures of every classification and regression trial's kept network (not per
     * epoch): trainable {@code parameters}, the stored zip's {@code model_bytes}, {@code
     * inference_ms} (median latency of one row at batch 1 over validation rows) and {@code
     * train_seconds}. All are better smaller; usable as later objectives and in constraints.
     */
    public static final List<String> COST = List.of("parameters", "model_bytes", "inference_ms", "train_seconds");

    /** Whether a task's trials record {@link #COST}: supervised networks trained by the epoch loop. */
    public static boolean hasCost(String task) {
        return JobSpec.CLASSIFICATION.equals(task) || JobSpec.REGRESSION.equals(task);
    }

    /** Whether larger values of {@code metric} are better; {@code null} if the task has no such metric. */
    public static Boolean maximized(String task, String metric) {
        if (hasCost(task) && COST.contains(metric)) {
            return false;
        }
        return switch (task) {
            case JobSpec.CLASSIFICATION -> CLASSIFICATION.get(metric);
            case JobSpec.GENERATION -> GENERATION.get(metric);
            case JobSpec.LANGUAGE_MODEL -> LANGUAGE_MODEL.get(metric);
            case JobSpec.TRANSLATION -> TRANSLATION.get(metric);
            default -> REGRESSION.get(metric);
        };
    }

    /**
     * The metric a job optimizes when its spec names none: for generation, the row statistics
     * ({@code val_mmd}); {@link #defaultMetric(String, boolean)} knows when an image GAN scores with its
     * classifier instead.
     */
    public static String defaultMetric(String task) {
        return switch (task) {
            case JobSpec.CLASSIFICATION -> VAL_ACCURACY;
            case JobSpec.GENERATION -> VAL_MMD;
            case JobSpec.LANGUAGE_MODEL -> VAL_BPC;
            case JobSpec.TRANSLATION -> VAL_TER;
            default -> VAL_RMSE;
        };
    }

    /** {@link #defaultMetric(String)}, except that an image GAN with a label column minimizes {@code val_fid}. */
    public static String defaultMetric(String task, boolean imageLabels) {
        return imageLabels ? VAL_FID : defaultMetric(task);
    }
}
