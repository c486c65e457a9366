package dev.anneal.tuner.pruner;

import java.util.List;

/** Builds a job's pruner from its stored settings. */
public final class Pruners {

    public static final String NONE = "none";
    public static final String MEDIAN = "median";
    public static final String ASHA = "asha";
    public static final String HYPERBAND = "hyperband";
    public static final List<String> NAMES = List.of(NONE, MEDIAN, ASHA, HYPERBAND);

    public static final int DEFAULT_MIN_EPOCHS = 1;
    public static final int DEFAULT_REDUCTION_FACTOR = 3;
    public static final int DEFAULT_WARMUP_TRIALS = 5;
    public static final int DEFAULT_WARMUP_STEPS = 0;

    private Pruners() {}

    /**
     * @param seed the job's seed; Hyperband assigns trials to brackets with it
     * @throws InvalidPrunerSettingsException naming the setting that cannot work
     */
    public static Pruner create(PrunerSettings settings, long seed) {
        if (settings == null || settings.isNone()) {
            return new NopPruner();
        }
        return switch (settings.type()) {
            case MEDIAN ->
                new MedianPruner(
                        or(settings.warmupTrials(), DEFAULT_WARMUP_TRIALS),
                        or(settings.warmupSteps(), DEFAULT_WARMUP_STEPS));
            case ASHA ->
                new AshaPruner(
                        or(settings.minEpochs(), DEFAULT_MIN_EPOCHS),
                        or(settings.reductionFactor(), DEFAULT_REDUCTION_FACTOR),
                        0);
            case HYPERBAND -> {
                if (settings.maxEpochs() == null) {
                    throw new InvalidPrunerSettingsException("maxEpochs", "is required by hyperband");
                }
                yield new HyperbandPruner(
                        or(settings.minEpochs(), DEFAULT_MIN_EPOCHS),
                        settings.maxEpochs(),
                        or(settings.reductionFactor(), DEFAULT_REDUCTION_FACTOR),
                        seed);
            }
            default ->
                throw new InvalidPrunerSettingsException(
                        "type", "must be one of " + NAMES + ", but was \"" + settings.type() + "\"");
        };
    }

    private static int or(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
