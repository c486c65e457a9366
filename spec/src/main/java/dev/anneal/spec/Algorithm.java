package dev.anneal.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The search algorithm of a job ({@code algorithm.type}), spelled as the tuner's sampler
 * registry ({@code Samplers.NAMES}) names it; {@code AlgorithmTest} keeps the two the same.
 */
public enum Algorithm {
    RANDOM,
    GRID,
    SOBOL,
    BAYESIAN,
    TPE;

    @JsonValue
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a spelling that is not an algorithm */
    @JsonCreator
    public static Algorithm of(String spelling) {
        for (Algorithm algorithm : values()) {
            if (algorithm.spelling().equals(spelling)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("not a search algorithm: " + spelling);
    }
}
