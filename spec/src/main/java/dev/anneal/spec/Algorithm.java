package dev.anneal.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The search algorithm of a job ({@code algorithm.type}), spelled as the tuner's sampler
 * registry ({@code Samplers.NAMES}) names it; {@code ClosedSetsTest} keeps the two the same.
 */
public enum Algorithm implements Spelled {
    RANDOM,
    GRID,
    SOBOL,
    BAYESIAN,
    TPE,
    NSGA2;

    /** @throws IllegalArgumentException for a spelling that is not an algorithm */
    @JsonCreator
    public static Algorithm of(String spelling) {
        return Spelled.parse(Algorithm.class, spelling, "a search algorithm");
    }
}
