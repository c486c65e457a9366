package dev.anneal.worker.prepare;

import dev.anneal.spec.JobSpec;
import dev.anneal.spec.ModelFamily;
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

    /**
     * The options of a trial of {@code spec}. An image GAN's pixels are always min-max scaled
     * (pooled over all pixels, so to [0, 1] for 0..255 images), whatever {@code normalization}
     * says: its generator draws them through a sigmoid, and its quality classifier reads both real
     * and generated images in that range.
     */
    public static PreparationOptions of(TrialParams params, JobSpec spec) {
        PreparationOptions options = of(params);
        boolean imageGan =
                spec.model().type() == ModelFamily.GAN && spec.model().input() != null;
        return imageGan
                ? new PreparationOptions(
                        NumericScaling.MINMAX,
                        options.imputation(),
                        options.window(),
                        options.tokenization(),
                        options.maxLength())
                : options;
    }

    public static PreparationOptions of(TrialParams params) {
        return new PreparationOptions(
                params.getString(Hyperparameters.NORMALIZATION),
                params.getString(Hyperparameters.IMPUTATION),
                params.getInt(Hyperparameters.WINDOW),
                params.getString(Hyperparameters.TOKENIZATION),
                params.getInt(Hyperparameters.MAX_LENGTH));
    }
}
