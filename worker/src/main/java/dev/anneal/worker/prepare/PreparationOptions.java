package dev.anneal.worker.prepare;

import dev.anneal.spec.catalog.Hyperparameters;
import dev.anneal.spec.catalog.TrialParams;

/**
 * The searched choices that change a trial's data (not just its network). Trials with equal
 * options share one prepared copy of the data.
 *
 * @param window time steps per input window (time-series jobs; ignored otherwise)
 * @param tokenization how text columns become tokens (text jobs; ignored otherwise)
 * @param maxLength tokens kept of each text (text jobs; ignored otherwise)
 */
public record PreparationOptions(
        String normalization, String imputation, int window, String tokenization, int maxLength) {

    public static final PreparationOptions DEFAULT = of(new TrialParams(java.util.Map.of()));

    public static PreparationOptions of(TrialParams params) {
        return new PreparationOptions(
                params.getString(Hyperparameters.NORMALIZATION),
                params.getString(Hyperparameters.IMPUTATION),
                params.getInt(Hyperparameters.WINDOW),
                params.getString(Hyperparameters.TOKENIZATION),
                params.getInt(Hyperparameters.MAX_LENGTH));
    }
}
