package dev.anneal.worker.train;

import java.util.List;

/**
 * The part of a job's normalized spec that training reads. The api validates and normalizes
 * specs (every default filled in) before storing them, so a worker can rely on every field;
 * fields added by later versions are {@code null} in older stored specs and mean their default.
 *
 * @param target the label column; {@code null} for generation (GAN) jobs
 * @param features feature columns in order; empty means every column except the target
 */
public record TrainingSpec(
        String target,
        String task,
        List<String> features,
        ModelSpec model,
        ObjectiveSpec objective,
        ValidationSpec validation,
        AlgorithmSpec algorithm,
        PreprocessingSpec preprocessing) {

    public static final String CLASSIFICATION = "classification";
    public static final String REGRESSION = "regression";
    /** GAN jobs: learn to generate rows like the dataset's. */
    public static final String GENERATION = "generation";

    public TrainingSpec {
        features = features == null ? List.of() : List.copyOf(features);
        preprocessing = preprocessing == null ? PreprocessingSpec.DEFAULT : preprocessing;
        model = model == null ? new ModelSpec(ModelFamilies.MLP, null, null, null) : model;
    }

    public boolean isClassification() {
        return CLASSIFICATION.equals(task);
    }

    /**
     * @param type the model family, one of {@link ModelFamilies#ALL}
     * @param input cnn: the image shape of the feature columns
     * @param sequence lstm over fixed-length sequences laid out in the feature columns
     * @param series lstm forecasting a time series (the target column, plus any feature columns as
     *     further input series)
     */
    public record ModelSpec(String type, ImageShape input, SequenceShape sequence, SeriesSpec series) {}

    /** Feature columns are pixels, channel by channel, each channel row-major. */
    public record ImageShape(int channels, int height, int width) {

        public int pixels() {
            return channels * height * width;
        }
    }

    /** Feature columns are time-major: step 0's features, then step 1's, and so on. */
    public record SequenceShape(int timesteps, int features) {}

    /** Forecast the target {@code horizon} steps after each window's last step. */
    public record SeriesSpec(int horizon) {}

    /**
     * @param direction {@code minimize} or {@code maximize}
     * @param epoch {@code best}: the objective is the best epoch's value; {@code last}: the last epoch's
     */
    public record ObjectiveSpec(String metric, String direction, String epoch) {

        public boolean maximize() {
            return "maximize".equals(direction);
        }

        public boolean useLastEpoch() {
            return "last".equals(epoch);
        }
    }

    /**
     * {@code holdout}: {@code fraction} of rows (stratified for classification); {@code kfold}:
     * {@code folds} folds (stratified for classification), the objective is the mean over folds;
     * {@code chronological}: time series only, the last {@code last} steps validate.
     */
    public record ValidationSpec(String type, Double fraction, Integer folds, Integer last) {

        public static final String HOLDOUT = "holdout";
        public static final String KFOLD = "kfold";
        public static final String CHRONOLOGICAL = "chronological";

        public boolean isKfold() {
            return KFOLD.equals(type);
        }
    }

    /** The seed drives the split, every trial's sampling and every trial's training. */
    public record AlgorithmSpec(String type, long seed) {}

    /**
     * Settings of data preparation that are not searched (the searched ones, normalization,
     * imputation, augmentation and mixup, are hyperparameters).
     *
     * @param fillValue what {@code imputation: constant} writes into missing numeric cells
     * @param flips whether image augmentation may mirror images left to right (off: digits and
     *     text change meaning when mirrored)
     */
    public record PreprocessingSpec(double fillValue, boolean flips) {

        public static final PreprocessingSpec DEFAULT = new PreprocessingSpec(0, false);
    }
}
