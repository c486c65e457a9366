package dev.anneal.spec;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * A closed set the spec writes in lower case ({@code mlp}, {@code kfold}, {@code tpe}): the
 * spelling both ways, so each enum only lists its constants.
 */
interface Spelled {

    String name();

    /** The spec's spelling of the constant. */
    @JsonValue
    default String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming {@code what} for a spelling of no constant */
    static <E extends Enum<E> & Spelled> E parse(Class<E> type, String spelling, String what) {
        for (E constant : type.getEnumConstants()) {
            if (constant.spelling().equals(spelling)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("not " + what + ": " + spelling);
    }
}
