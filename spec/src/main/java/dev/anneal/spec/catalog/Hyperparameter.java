package dev.anneal.spec.catalog;

import java.util.List;
import java.util.Set;

/**
 * A hyperparameter the DL4J trainer understands: its kind, the values it accepts, the value a
 * trial gets when the search space does not mention it, and the model families that use it.
 *
 * @param min smallest accepted value (numeric kinds); {@code minExclusive} makes it a strict bound
 * @param choices accepted values for {@link Kind#CHOICE}; empty otherwise
 * @param families the {@code model.type}s that read it; a search space naming it for another
 *     family is rejected, so no parameter is ever silently ignored
 */
public record Hyperparameter(
        String name,
        Kind kind,
        double min,
        boolean minExclusive,
        double max,
        boolean maxExclusive,
        List<String> choices,
        Object defaultValue,
        Set<String> families,
        String description) {

    public enum Kind {
        /** A real number: float ranges, numeric categoricals or a fixed number. */
        FLOAT,
        /** A whole number: int ranges, integer categoricals or a fixed integer. */
        INT,
        /** One of {@link #choices()}: string categoricals or a fixed string. */
        CHOICE,
        /** {@code true} or {@code false}: a boolean categorical or a fixed boolean. */
        BOOLEAN
    }

    public Hyperparameter {
        choices = List.copyOf(choices);
        families = Set.copyOf(families);
    }

    public boolean appliesTo(String family) {
        return families.contains(family);
    }

    /** Whether {@code v} satisfies the numeric bounds. */
    public boolean accepts(double v) {
        boolean aboveMin = minExclusive ? v > min : v >= min;
        boolean belowMax = maxExclusive ? v < max : v <= max;
        return aboveMin && belowMax;
    }

    /** The bounds as a user reads them, such as {@code > 0 and <= 10}. */
    public String boundsText() {
        return (minExclusive ? "> " : ">= ") + format(min) + " and " + (maxExclusive ? "< " : "<= ") + format(max);
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
