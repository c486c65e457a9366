package dev.anneal.worker.prepare;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Everything fitted on the training split, stored with each trial so its model can be
 * reproduced: feature scaling, imputation values, category encodings and the target encoding.
 */
public record PreprocessingRecord(
        int rowsWithTarget,
        int droppedMissingTarget,
        int trainRows,
        int validationRows,
        List<FeatureTransform> features,
        TargetTransform target) {

    /**
     * One input column. Numeric: missing cells become {@code impute}, then {@code (x - mean) / std}.
     * Categorical: missing cells become {@code imputeCategory}, then one input per category
     * (a category not seen in training encodes as all zeros).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FeatureTransform(
            String column,
            String type,
            int missingInTrain,
            Double mean,
            Double std,
            Double impute,
            List<String> categories,
            String imputeCategory) {}

    /** Classification: class names in index order. Regression: the target's training mean and standard deviation. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TargetTransform(String column, List<String> classes, Double mean, Double std) {}
}
