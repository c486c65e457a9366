package dev.anneal.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/** How a DL4J job's trials are validated ({@code validation.type}). */
public enum ValidationScheme implements Spelled {
    /** a stratified (for classification) fraction of rows */
    HOLDOUT,
    /** k stratified folds; the objective is the mean over folds */
    KFOLD,
    /** time series only: the last steps validate */
    CHRONOLOGICAL;

    /** @throws IllegalArgumentException for a spelling that is not a scheme */
    @JsonCreator
    public static ValidationScheme of(String spelling) {
        return Spelled.parse(ValidationScheme.class, spelling, "a validation scheme");
    }
}
