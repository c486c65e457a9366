package dev.anneal.spec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.anneal.tuner.pruner.PrunerSettings;
import dev.anneal.tuner.pruner.Pruners;

/**
 * A job's pruner ({@code pruner}), one record per type with only its own settings, every default
 * filled in by the api. The tuner builds pruners from the flat {@link PrunerSettings}, which
 * {@link #settings()} gives.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = PrunerSpec.None.class, name = Pruners.NONE),
    @JsonSubTypes.Type(value = PrunerSpec.Median.class, name = Pruners.MEDIAN),
    @JsonSubTypes.Type(value = PrunerSpec.Asha.class, name = Pruners.ASHA),
    @JsonSubTypes.Type(value = PrunerSpec.Hyperband.class, name = Pruners.HYPERBAND)
})
public sealed interface PrunerSpec {

    PrunerSpec NONE = new None();

    PrunerSettings settings();

    /** Every trial trains all its epochs. */
    record None() implements PrunerSpec {
        @Override
        public PrunerSettings settings() {
            return PrunerSettings.NONE;
        }
    }

    /** Stops a trial below the median of completed trials at the same step. */
    record Median(int warmupTrials, int warmupSteps) implements PrunerSpec {
        @Override
        public PrunerSettings settings() {
            return new PrunerSettings(Pruners.MEDIAN, null, null, null, warmupTrials, warmupSteps);
        }
    }

    /** Asynchronous successive halving: rungs at minEpochs × reductionFactor^k. */
    record Asha(int minEpochs, int reductionFactor) implements PrunerSpec {
        @Override
        public PrunerSettings settings() {
            return new PrunerSettings(Pruners.ASHA, minEpochs, reductionFactor, null, null, null);
        }
    }

    /** Successive halving in brackets up to maxEpochs. */
    record Hyperband(int minEpochs, int reductionFactor, int maxEpochs) implements PrunerSpec {
        @Override
        public PrunerSettings settings() {
            return new PrunerSettings(Pruners.HYPERBAND, minEpochs, reductionFactor, maxEpochs, null, null);
        }
    }

    /** The variant of validated settings (the api's parser checks them with the tuner first). */
    static PrunerSpec of(PrunerSettings settings) {
        if (settings.isNone()) {
            return NONE;
        }
        return switch (settings.type()) {
            case Pruners.MEDIAN -> new Median(settings.warmupTrials(), settings.warmupSteps());
            case Pruners.ASHA -> new Asha(settings.minEpochs(), settings.reductionFactor());
            case Pruners.HYPERBAND ->
                new Hyperband(settings.minEpochs(), settings.reductionFactor(), settings.maxEpochs());
            default -> throw new IllegalArgumentException("not a pruner: " + settings.type());
        };
    }
}
