package dev.anneal.worker.prepare;

/**
 * A job's data ready for a network: scaled, encoded features and targets, split into training
 * and validation. Shared read-only by every trial with the same preparation options; trainers
 * copy what they modify.
 *
 * @param trainY one-hot classes, or the standardized regression target (one column); {@code null}
 *     for generation jobs
 * @param validationClasses class index per validation row (classification), else {@code null}
 * @param validationTargets regression target per validation row in original units, else {@code null}
 * @param decoder turns a network output for a validation row into the target's own units;
 *     {@code null} means de-standardizing with the target's training mean and deviation
 */
public record PreparedData(
        float[][] trainX,
        float[][] trainY,
        float[][] validationX,
        float[][] validationY,
        int[] validationClasses,
        double[] validationTargets,
        TargetDecoder decoder,
        int classCount,
        PreprocessingRecord record) {

    /** Maps a regression output for validation row {@code row} back to target units. */
    @FunctionalInterface
    public interface TargetDecoder {
        double toTargetUnits(int row, double output);
    }

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

    /** A network's output for validation row {@code i}, in the target's own units. */
    public double toTargetUnits(int i, double output) {
        return decoder != null ? decoder.toTargetUnits(i, output) : output * targetScale() + targetMean();
    }
}
