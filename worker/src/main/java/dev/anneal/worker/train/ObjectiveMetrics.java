package dev.anneal.worker.train;

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
    public static final String VAL_RMSE = "val_rmse";
    public static final String VAL_MAE = "val_mae";
    public static final String VAL_R2 = "val_r2";

    private static final Map<String, Boolean> CLASSIFICATION = Map.of(VAL_ACCURACY, true, VAL_LOSS, false, LOSS, false);
    private static final Map<String, Boolean> REGRESSION =
            Map.of(VAL_RMSE, false, VAL_MAE, false, VAL_R2, true, VAL_LOSS, false, LOSS, false);

    private ObjectiveMetrics() {}

    /** Metric names for a task, in documentation order. */
    public static List<String> names(String task) {
        return TrainingSpec.CLASSIFICATION.equals(task)
                ? List.of(VAL_ACCURACY, VAL_LOSS, LOSS)
                : List.of(VAL_RMSE, VAL_MAE, VAL_R2, VAL_LOSS, LOSS);
    }

    /** Whether larger values of {@code metric} are better; {@code null} if the task has no such metric. */
    public static Boolean maximized(String task, String metric) {
        return (TrainingSpec.CLASSIFICATION.equals(task) ? CLASSIFICATION : REGRESSION).get(metric);
    }

    /** The metric a job optimizes when its spec names none. */
    public static String defaultMetric(String task) {
        return TrainingSpec.CLASSIFICATION.equals(task) ? VAL_ACCURACY : VAL_RMSE;
    }
}
