package dev.anneal.worker.prepare;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Everything fitted on the training split, stored with each trial so its model can be
 * reproduced and used for predictions: the options chosen, feature scaling, imputation values,
 * category encodings and the target encoding.
 *
 * @param layout how feature columns become network input: {@code tabular}, {@code image},
 *     {@code sequence}, {@code series} or {@code text}
 * @param droppedMissingFeatures rows dropped because a feature was missing ({@code imputation: drop})
 * @param folds validation folds (1 for holdout and chronological validation)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PreprocessingRecord(
        String layout,
        String normalization,
        String imputation,
        int rowsWithTarget,
        int droppedMissingTarget,
        int droppedMissingFeatures,
        int trainRows,
        int validationRows,
        int folds,
        List<FeatureTransform> features,
        TargetTransform target,
        SeriesTransform series) {

    /**
     * One input column. Numeric: missing cells become {@code fill}, then {@code (x - center) / scale}.
     * Categorical: missing cells become {@code fillCategory}, then one input per category (a
     * category not seen in training encodes as all zeros). {@code integer} is {@code true} for a
     * numeric column whose training values are all whole numbers (generated rows are rounded).
     * Text: the first {@code maxLength} tokens by {@code tokenization}, each the id of its place
     * in {@code vocabulary} (plus the 3 reserved ids: padding, unknown, end), padded with 0.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FeatureTransform(
            String column,
            String type,
            int missingInTrain,
            Double center,
            Double scale,
            Double fill,
            List<String> categories,
            String fillCategory,
            Boolean integer,
            String tokenization,
            Integer maxLength,
            List<String> vocabulary) {

        /** A numeric or categorical column. */
        public FeatureTransform(
                String column,
                String type,
                int missingInTrain,
                Double center,
                Double scale,
                Double fill,
                List<String> categories,
                String fillCategory,
                Boolean integer) {
            this(
                    column,
                    type,
                    missingInTrain,
                    center,
                    scale,
                    fill,
                    categories,
                    fillCategory,
                    integer,
                    null,
                    null,
                    null);
        }
    }

    /**
     * Classification: class names in index order. Regression: the target's training mean and
     * standard deviation (the network predicts z-scores).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TargetTransform(String column, List<String> classes, Double mean, Double std) {}

    /**
     * Time-series jobs: windows of {@code window} steps forecast {@code horizon} steps ahead; the
     * series named in {@code columns} (target first) are scaled per column as in
     * {@code features}; the target (inputs and label) is first expressed against the window's
     * last target value by {@code encoding}: {@code log_relative} (log change), {@code relative}
     * (difference) or {@code absolute}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SeriesTransform(int window, int horizon, List<String> columns, String target, String encoding) {}
}
