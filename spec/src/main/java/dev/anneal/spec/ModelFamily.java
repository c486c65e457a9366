package dev.anneal.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The network family a DL4J job tunes ({@code model.type}): a closed set, so a family a worker
 * cannot build never gets past the parser, and every {@code switch} over it is checked by the
 * compiler for a missing case. {@link ModelFamilies} holds the spellings, for messages and the
 * hyperparameter catalog.
 */
public enum ModelFamily {
    MLP,
    CNN,
    LSTM,
    GAN;

    /** The spec's spelling: {@code mlp}, {@code cnn}, {@code lstm}, {@code gan}. */
    @JsonValue
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for a spelling that is not a family */
    @JsonCreator
    public static ModelFamily of(String spelling) {
        for (ModelFamily family : values()) {
            if (family.spelling().equals(spelling)) {
                return family;
            }
        }
        throw new IllegalArgumentException("not a model family: " + spelling);
    }
}
