package dev.anneal.spec;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The network family a DL4J job tunes ({@code model.type}): a closed set, so a family a worker
 * cannot build never gets past the parser, and every {@code switch} over it is checked by the
 * compiler for a missing case. {@link ModelFamilies} holds the spellings, for messages and the
 * hyperparameter catalog.
 */
public enum ModelFamily implements Spelled {
    MLP,
    CNN,
    LSTM,
    GAN;

    /** @throws IllegalArgumentException for a spelling that is not a family */
    @JsonCreator
    public static ModelFamily of(String spelling) {
        return Spelled.parse(ModelFamily.class, spelling, "a model family");
    }
}
