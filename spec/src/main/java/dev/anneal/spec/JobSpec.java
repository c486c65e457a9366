package dev.anneal.spec;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.anneal.tuner.space.SearchSpace;
import dev.anneal.tuner.study.Direction;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A job's spec as the api stored it: validated, every default filled in. The one type every
 * reader uses (the scheduler, ask/tell, the workers, the pruners, importance, the CLI); the
 * api's parser is the only code that builds one from a request, and {@link JobSpecJson} the only
 * code that turns one into the stored JSON and back. It has a module of its own ({@code spec}:
 * records and Jackson over the tuner's search-space types) so that every reader can depend on it,
 * the CLI included, without the persistence stack of {@code db}.
 *
 * <p>Fields a job's execution does not use are {@code null} (and absent from the JSON); fields
 * added by later versions are {@code null} in older stored specs and mean their default.
 *
 * @param description what the job is for, in the submitter's words; {@code null} when not given
 * @param execution who evaluates trials: Anneal's DL4J workers or an external client
 * @param dataset dl4j: the dataset's name
 * @param target dl4j: the label column; {@code null} for generation (GAN) jobs
 * @param features dl4j: feature columns in order; empty means every column except the target
 * @param parameterOrder the search space's parameters in the order the user wrote them (jsonb
 *     does not keep object keys in order, and grid enumeration follows it)
 * @param warmStartFrom earlier jobs whose trials seed the sampler
 * @param initialTrials parameter sets to try first
 */
public record JobSpec(
        String name,
        String description,
        Execution execution,
        String dataset,
        String target,
        String task,
        List<String> features,
        ModelSpec model,

        @JsonSerialize(using = SearchSpaceJson.Writer.class) @JsonDeserialize(using = SearchSpaceJson.Reader.class)
        SearchSpace searchSpace,

        List<String> parameterOrder,
        AlgorithmSpec algorithm,
        ObjectiveSpec objective,
        ValidationSpec validation,
        PreprocessingSpec preprocessing,
        Integer maxTrials,
        Integer parallelism,
        List<Long> warmStartFrom,
        List<Map<String, Object>> initialTrials,
        PrunerSpec pruner,
        Map<String, String> tags,

        // a one-objective spec is stored as it always was, with "objective" alone
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = OneObjective.class)
        List<ObjectiveSpec> objectives,

        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ConstraintSpec> constraints) {

    public static final String CLASSIFICATION = "classification";
    public static final String REGRESSION = "regression";
    /** GAN jobs: learn to generate rows like the dataset's. */
    public static final String GENERATION = "generation";
    /** Text lstm jobs without a target: learn to continue the text column, character by character. */
    public static final String LANGUAGE_MODEL = "language_model";
    /** Text lstm jobs from a source text column to the target column's space-separated tokens. */
    public static final String TRANSLATION = "translation";

    public JobSpec {
        execution = execution == null ? Execution.DL4J : execution;
        if (execution == Execution.DL4J) {
            features = features == null ? List.of() : List.copyOf(features);
            preprocessing = preprocessing == null ? PreprocessingSpec.DEFAULT : preprocessing;
            model = model == null ? new ModelSpec(ModelFamily.MLP, null, null, null) : model;
        }
        searchSpace = searchSpace == null ? null : SearchSpaceJson.inOrder(searchSpace, parameterOrder);
        warmStartFrom = warmStartFrom == null ? List.of() : List.copyOf(warmStartFrom);
        initialTrials = initialTrials == null
                ? List.of()
                : initialTrials.stream().map(ParamValues::normalized).toList();
        pruner = pruner == null ? PrunerSpec.NONE : pruner;
        tags = tags == null ? Map.of() : tags;
        // "objective" is the one-objective spelling of "objectives": each spec has both, the
        // first objective being "objective", so code that knows one objective keeps working
        if (objectives == null || objectives.isEmpty()) {
            objectives = objective == null ? List.of() : List.of(objective);
        } else {
            objectives = List.copyOf(objectives);
            objective = objectives.get(0);
        }
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
    }

    /** Jackson's filter for {@code objectives}: equal to (so leaves out) a list of at most one. */
    static final class OneObjective {

        @Override
        public boolean equals(Object value) {
            return value instanceof List<?> list && list.size() <= 1;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /** Whether the job trades several objectives off (a Pareto front rather than one best trial). */
    @JsonIgnore
    public boolean isMultiObjective() {
        return objectives.size() > 1;
    }

    /**
     * What training reads of a DL4J job (the rest is the scheduler's): for the worker's own
     * tests, benchmarks and warm-up, which train without a stored job.
     */
    public static JobSpec training(
            String target,
            String task,
            List<String> features,
            ModelSpec model,
            ObjectiveSpec objective,
            ValidationSpec validation,
            AlgorithmSpec algorithm,
            PreprocessingSpec preprocessing) {
        return new JobSpec(
                null,
                null,
                Execution.DL4J,
                null,
                target,
                task,
                features,
                model,
                null,
                null,
                algorithm,
                objective,
                validation,
                preprocessing,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    @JsonIgnore
    public boolean isClassification() {
        return CLASSIFICATION.equals(task);
    }

    @JsonIgnore
    public boolean isExternal() {
        return execution == Execution.EXTERNAL;
    }

    /**
     * @param type the model family
     * @param input cnn: the image shape of the feature columns
     * @param sequence lstm over fixed-length sequences laid out in the feature columns
     * @param series lstm forecasting a time series (the target column, plus any feature columns as
     *     further input series)
     * @param text lstm reading a text column as a sequence of tokens
     */
    public record ModelSpec(
            ModelFamily type, ImageShape input, SequenceShape sequence, SeriesSpec series, TextSpec text) {

        public ModelSpec {
            type = type == null ? ModelFamily.MLP : type;
        }

        /** A model that reads no text column. */
        public ModelSpec(ModelFamily type, ImageShape input, SequenceShape sequence, SeriesSpec series) {
            this(type, input, sequence, series, null);
        }
    }

    /**
     * A text column as a recurrent network's input. Its vocabulary is fitted on each trial's
     * training split: tokens seen fewer than {@code minCount} times, and all but the {@code
     * maxVocabulary} most frequent, read as the unknown token.
     *
     * @param column the text column (classification and regression: the only input; language
     *     models: the text to continue; translation: the source text)
     */
    public record TextSpec(String column, int maxVocabulary, int minCount) {

        public static final int DEFAULT_MAX_VOCABULARY = 10_000;
        public static final int LIMIT_MAX_VOCABULARY = 50_000;
    }

    /** Feature columns are pixels, channel by channel, each channel row-major. */
    public record ImageShape(int channels, int height, int width) {

        @JsonIgnore
        public int pixels() {
            return channels * height * width;
        }
    }

    /** Feature columns are time-major: step 0's features, then step 1's, and so on. */
    public record SequenceShape(int timesteps, int features) {}

    /** Forecast the target {@code horizon} steps after each window's last step. */
    public record SeriesSpec(int horizon) {}

    /**
     * @param metric dl4j: one of the task's metrics; external: whatever the client measures
     * @param epoch dl4j: {@code best} (the objective is the best epoch's value) or {@code last};
     *     {@code null} for external jobs
     */
    public record ObjectiveSpec(
            String metric,

            @JsonSerialize(using = DirectionJson.Writer.class) @JsonDeserialize(using = DirectionJson.Reader.class)
            Direction direction,

            String epoch) {

        @JsonIgnore
        public boolean maximize() {
            return direction == Direction.MAXIMIZE;
        }

        @JsonIgnore
        public boolean useLastEpoch() {
            return "last".equals(epoch);
        }
    }

    /**
     * A bound on a recorded metric: a trial is feasible when every constraint holds. At least one
     * of {@code min} and {@code max} is set.
     */
    public record ConstraintSpec(String metric, Double min, Double max) {

        /**
         * The constraint's value for a metric value, satisfied when ≤ 0 (the samplers'
         * convention): how far the value lies beyond the bound it breaks, else how far inside
         * the nearest one, negated.
         */
        public double value(double metricValue) {
            double over = max == null ? Double.NEGATIVE_INFINITY : metricValue - max;
            double under = min == null ? Double.NEGATIVE_INFINITY : min - metricValue;
            return Math.max(over, under);
        }
    }

    /**
     * @param fraction holdout: the share of rows that validate
     * @param folds kfold: the number of folds
     * @param last chronological: the number of final steps that validate
     */
    public record ValidationSpec(ValidationScheme type, Double fraction, Integer folds, Integer last) {

        @JsonIgnore
        public boolean isKfold() {
            return type == ValidationScheme.KFOLD;
        }
    }

    /** The seed drives the split, every trial's sampling and every trial's training. */
    public record AlgorithmSpec(Algorithm type, long seed) {}

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
