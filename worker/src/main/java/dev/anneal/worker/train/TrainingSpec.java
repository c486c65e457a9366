package dev.anneal.worker.train;

import java.util.List;

/**
 * The part of a job's normalized spec that training reads. The api validates and normalizes
 * specs (every default filled in) before storing them, so a worker can rely on every field.
 *
 * @param features feature columns in order; empty means every column except the target
 */
public record TrainingSpec(
        String target,
        String task,
        List<String> features,
        ModelSpec model,
        ObjectiveSpec objective,
        ValidationSpec validation,
        AlgorithmSpec algorithm) {

    public static final String CLASSIFICATION = "classification";
    public static final String REGRESSION = "regression";

    public TrainingSpec {
        features = features == null ? List.of() : List.copyOf(features);
    }

    public boolean isClassification() {
        return CLASSIFICATION.equals(task);
    }

    /** {@code type}: the model family; {@code mlp} is the one this version trains. */
    public record ModelSpec(String type) {}

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

    /** Holdout validation: {@code fraction} of rows (stratified by class for classification). */
    public record ValidationSpec(String type, double fraction) {}

    /** The seed drives the split, every trial's sampling and every trial's training. */
    public record AlgorithmSpec(String type, long seed) {}
}
