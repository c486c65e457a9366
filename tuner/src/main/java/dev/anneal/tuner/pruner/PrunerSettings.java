package dev.anneal.tuner.pruner;

/**
 * A job's {@code pruner} spec as stored, every default filled in by the api. Fields a type
 * does not use are null.
 *
 * @param type one of {@link Pruners#NAMES}
 * @param minEpochs {@code asha}, {@code hyperband}: the first rung's epoch (step)
 * @param reductionFactor {@code asha}, {@code hyperband}: η, 1/η of the trials pass each rung
 * @param maxEpochs {@code hyperband}: the largest epoch (step) any trial reaches, which fixes the
 *     number of brackets
 * @param warmupTrials {@code median}: completed trials needed at a step before judging it
 * @param warmupSteps {@code median}: steps below this are never judged
 */
public record PrunerSettings(
        String type,
        Integer minEpochs,
        Integer reductionFactor,
        Integer maxEpochs,
        Integer warmupTrials,
        Integer warmupSteps) {

    public static final PrunerSettings NONE = new PrunerSettings(Pruners.NONE, null, null, null, null, null);

    public boolean isNone() {
        return type == null || Pruners.NONE.equals(type);
    }
}
