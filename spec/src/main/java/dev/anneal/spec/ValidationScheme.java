package dev.anneal.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a DL4J job's trials are validated ({@code validation.type}). */
public enum ValidationScheme {
    /** a stratified (for classification) fraction of rows */
    HOLDOUT,
    /** k stratified folds; the objective is the mean over folds */
    KFOLD,
    /** time series only: the last steps validate */
    CHRONOLOGICAL;

    /** The spec's spelling: {@code holdout}, {@code kfold}, {@code chronological}. */
    @JsonValue
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a spelling that is not a scheme */
    @JsonCreator
    public static ValidationScheme of(String spelling) {
        for (ValidationScheme scheme : values()) {
            if (scheme.spelling().equals(spelling)) {
                return scheme;
            }
        }
        throw new IllegalArgumentException("not a validation scheme: " + spelling);
    }
}
