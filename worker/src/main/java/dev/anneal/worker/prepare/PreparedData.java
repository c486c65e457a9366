package dev.anneal.worker.prepare;

/**
 * A job's data ready for a network: standardized, encoded features and targets, split into
 * training and validation. Shared read-only by every trial of the job; trainers copy what they
 * modify.
 *
 * @param trainY one-hot classes, or the standardized regression target (one column)
 * @param validationClasses class index per validation row (classification), else {@code null}
 * @param validationTargets regression target per validation row in original units, else {@code null}
 */
public record PreparedData(
        float[][] trainX,
        float[][] trainY,
        float[][] validationX,
        float[][] validationY,
        int[] validationClasses,
        double[] validationTargets,
        int classCount,
        PreprocessingRecord record) {

    public boolean isClassification() {
        return validationClasses != null;
    }

    public int inputWidth() {
        return trainX[0].length;
    }

    /** Multiplies a standardized regression prediction back into target units. */
    public double targetScale() {
        return record.target().std() == null ? 1 : record.target().std();
    }

    public double targetMean() {
        return record.target().mean() == null ? 0 : record.target().mean();
    }
}
