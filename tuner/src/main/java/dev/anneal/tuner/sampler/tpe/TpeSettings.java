package dev.anneal.tuner.sampler.tpe;

import dev.anneal.tuner.sampler.InvalidAlgorithmSettingsException;

/**
 * How {@link TpeSampler} searches. {@link #defaults()} are those of Optuna 3.1's {@code
 * TPESampler(multivariate=True)} (the peer, {@link #optuna31()}) but for one change, {@code
 * adaptiveBandwidth}.
 *
 * @param startupTrials finished trials (completed or pruned) before the model takes over; until
 *     then suggestions are random draws
 * @param eiCandidates points drawn from l(x) per suggestion; the one with the largest l(x)/g(x)
 *     wins
 * @param multivariate one joint estimator over all parameters (captures interactions) rather than
 *     one per parameter
 * @param priorWeight weight of the broad prior kernel beside each observation's weight of 1
 * @param considerMagicClip keep kernels no narrower than the axis over min(100, n + 2)
 * @param considerEndpoints let the axis ends widen the outermost kernels (per-parameter mode)
 * @param normalizedScoring score candidates with each continuous kernel's normalized density
 *     φ(z)/σ, as Optuna does since 3.5 (optuna#5109), rather than with its height φ(z), as Optuna
 *     3.1 (the peer) does. Heights weigh each observation kernel by its width in the score, so the
 *     broad prior counts for more and candidates close to good trials beat candidates in empty
 *     tails of l(x); draws from l(x) are the same either way. Off by default: heights gave lower
 *     regret on the public benchmark functions and on held-out ones (ackley, levy,
 *     styblinski-tang, six-hump camel, hartmann3, rastrigin, sphere, a mixed space) at 25 to 100
 *     trials, in both modes.
 * @param adaptiveBandwidth in joint mode, narrow the Scott-rule kernels when the observations on
 *     an axis are more concentrated than uniform draws (Scott's rule proper) instead of always
 *     assuming the axis' spread as Optuna does. On by default: lower median regret at 50 and 100
 *     trials on the public benchmark functions and the held-out ones above, about the same at 25.
 */
public record TpeSettings(
        int startupTrials,
        int eiCandidates,
        boolean multivariate,
        double priorWeight,
        boolean considerMagicClip,
        boolean considerEndpoints,
        boolean normalizedScoring,
        boolean adaptiveBandwidth,
        boolean priorCentreInWidths) {

    public TpeSettings {
        if (startupTrials < 0) {
            throw new InvalidAlgorithmSettingsException("startupTrials", "must be >= 0, but was " + startupTrials);
        }
        if (eiCandidates < 1) {
            throw new InvalidAlgorithmSettingsException("eiCandidates", "must be >= 1, but was " + eiCandidates);
        }
        if (!(priorWeight > 0) || !Double.isFinite(priorWeight)) {
            throw new InvalidAlgorithmSettingsException("priorWeight", "must be > 0, but was " + priorWeight);
        }
    }

    /**
     * Optuna 3.1's defaults (10 startup trials, 24 candidates, prior weight 1, magic clip, no
     * endpoints, kernel heights in the score), with the joint estimator on and its widths adapted
     * to the observations' spread.
     */
    public static TpeSettings defaults() {
        return new TpeSettings(10, 24, true, 1.0, true, false, false, true, true);
    }

    /** Exactly Optuna 3.1's {@code TPESampler(multivariate=True)}. */
    public static TpeSettings optuna31() {
        return defaults().withAdaptiveBandwidth(false);
    }

    public TpeSettings withMultivariate(boolean joint) {
        return new TpeSettings(
                startupTrials,
                eiCandidates,
                joint,
                priorWeight,
                considerMagicClip,
                considerEndpoints,
                normalizedScoring,
                adaptiveBandwidth,
                priorCentreInWidths);
    }

    public TpeSettings withNormalizedScoring(boolean normalized) {
        return new TpeSettings(
                startupTrials,
                eiCandidates,
                multivariate,
                priorWeight,
                considerMagicClip,
                considerEndpoints,
                normalized,
                adaptiveBandwidth,
                priorCentreInWidths);
    }

    public TpeSettings withAdaptiveBandwidth(boolean adaptive) {
        return new TpeSettings(
                startupTrials,
                eiCandidates,
                multivariate,
                priorWeight,
                considerMagicClip,
                considerEndpoints,
                normalizedScoring,
                adaptive,
                priorCentreInWidths);
    }

    public TpeSettings withPriorCentreInWidths(boolean counted) {
        return new TpeSettings(
                startupTrials,
                eiCandidates,
                multivariate,
                priorWeight,
                considerMagicClip,
                considerEndpoints,
                normalizedScoring,
                adaptiveBandwidth,
                counted);
    }

    /**
     * These settings as {@link TpeSampler} applies them to a study of several objectives:
     * candidates scored by normalized densities and per-parameter kernels sized without the
     * prior's centre, as the peer (Optuna's current TPE) does. The single-objective choices lost
     * there, on the two-objective problems of {@code shared/bench/multiobjective.md} (30 seeds, 25
     * to 100 trials): kernel heights gave 1.35 times the median hypervolume gap on ZDT1 and 1.06
     * to 1.15 times on BNH (DTLZ2 about the same); counting the prior's centre raised the
     * geometric mean of the gap's ratios to Optuna's from 0.76 to 0.79.
     */
    public TpeSettings forSeveralObjectives() {
        return withNormalizedScoring(true).withPriorCentreInWidths(false);
    }
}
