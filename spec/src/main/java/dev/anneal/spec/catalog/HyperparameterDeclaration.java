package dev.anneal.spec.catalog;

import dev.anneal.spec.catalog.Hyperparameter.Kind;
import java.util.List;
import java.util.Set;

/**
 * Named steps that declare one catalog entry, so {@link Hyperparameters} reads as
 * {@code real(LEARNING_RATE).above(0).atMost(10).byDefault(1e-3).usedBy(SUPERVISED).means("…")}
 * rather than a row of positional numbers and boolean flags. Each kind has its own steps: a bound's
 * openness is in the step's name ({@code above} / {@code atLeast}, {@code below} / {@code atMost}),
 * and a default has the kind's Java type, so a whole number's default is stored as the Long that
 * trials read. The steps of the kind come first, then {@link #usedBy}, and {@link #means} ends the
 * declaration; it checks the entry is complete and its default acceptable, so a catalog mistake
 * fails when the catalog loads rather than when a trial reads the default.
 */
abstract sealed class HyperparameterDeclaration
        permits HyperparameterDeclaration.Real,
                HyperparameterDeclaration.Whole,
                HyperparameterDeclaration.Choice,
                HyperparameterDeclaration.Flag {

    final String name;
    private Set<String> families;

    private HyperparameterDeclaration(String name) {
        this.name = name;
    }

    /** A real number; declare both bounds and the default. */
    static Real real(String name) {
        return new Real(name);
    }

    /** A whole number; both bounds are inclusive, as int distributions are. */
    static Whole whole(String name) {
        return new Whole(name);
    }

    /** One of a fixed list of strings. */
    static Choice choice(String name) {
        return new Choice(name);
    }

    /** {@code true} or {@code false}. */
    static Flag flag(String name) {
        return new Flag(name);
    }

    /** The {@code model.type}s that read it. */
    HyperparameterDeclaration usedBy(Set<String> families) {
        this.families = families;
        return this;
    }

    HyperparameterDeclaration usedBy(String... families) {
        return usedBy(Set.of(families));
    }

    /** Ends the declaration with the description users read in errors and the README. */
    Hyperparameter means(String description) {
        require(families != null, "usedBy(...)");
        Hyperparameter h = build(families, description);
        if (h.defaultValue() instanceof Number n) {
            // Checked on the record, so the default meets the very bounds the api checks values against.
            require(h.accepts(n.doubleValue()), "a default within " + h.boundsText());
        }
        return h;
    }

    abstract Hyperparameter build(Set<String> families, String description);

    final void require(boolean declared, String what) {
        if (!declared) {
            throw new IllegalStateException("hyperparameter " + name + " needs " + what);
        }
    }

    static final class Real extends HyperparameterDeclaration {
        private Double min;
        private boolean minExclusive;
        private Double max;
        private boolean maxExclusive;
        private Double defaultValue;

        private Real(String name) {
            super(name);
        }

        /** Strictly greater than {@code min}. */
        Real above(double min) {
            return lower(min, true);
        }

        Real atLeast(double min) {
            return lower(min, false);
        }

        /** Strictly less than {@code max}. */
        Real below(double max) {
            return upper(max, true);
        }

        Real atMost(double max) {
            return upper(max, false);
        }

        private Real lower(double min, boolean exclusive) {
            this.min = min;
            this.minExclusive = exclusive;
            return this;
        }

        private Real upper(double max, boolean exclusive) {
            this.max = max;
            this.maxExclusive = exclusive;
            return this;
        }

        Real byDefault(double value) {
            this.defaultValue = value;
            return this;
        }

        @Override
        Hyperparameter build(Set<String> families, String description) {
            require(min != null, "above(...) or atLeast(...)");
            require(max != null, "below(...) or atMost(...)");
            require(defaultValue != null, "byDefault(...)");
            return new Hyperparameter(
                    name,
                    Kind.FLOAT,
                    min,
                    minExclusive,
                    max,
                    maxExclusive,
                    List.of(),
                    defaultValue,
                    families,
                    description);
        }
    }

    static final class Whole extends HyperparameterDeclaration {
        private Long min;
        private Long max;
        private Long defaultValue;

        private Whole(String name) {
            super(name);
        }

        Whole atLeast(long min) {
            this.min = min;
            return this;
        }

        Whole atMost(long max) {
            this.max = max;
            return this;
        }

        Whole byDefault(long value) {
            this.defaultValue = value;
            return this;
        }

        @Override
        Hyperparameter build(Set<String> families, String description) {
            require(min != null, "atLeast(...)");
            require(max != null, "atMost(...)");
            require(defaultValue != null, "byDefault(...)");
            return new Hyperparameter(
                    name, Kind.INT, min, false, max, false, List.of(), defaultValue, families, description);
        }
    }

    static final class Choice extends HyperparameterDeclaration {
        private List<String> choices;
        private String defaultValue;

        private Choice(String name) {
            super(name);
        }

        /** The accepted values, in the order error messages list them. */
        Choice oneOf(String... choices) {
            this.choices = List.of(choices);
            return this;
        }

        Choice byDefault(String value) {
            this.defaultValue = value;
            return this;
        }

        @Override
        Hyperparameter build(Set<String> families, String description) {
            require(choices != null, "oneOf(...)");
            require(defaultValue != null && choices.contains(defaultValue), "a default among " + choices);
            return new Hyperparameter(
                    name, Kind.CHOICE, 0, false, 0, false, choices, defaultValue, families, description);
        }
    }

    static final class Flag extends HyperparameterDeclaration {
        private Boolean defaultValue;

        private Flag(String name) {
            super(name);
        }

        Flag byDefault(boolean value) {
            this.defaultValue = value;
            return this;
        }

        @Override
        Hyperparameter build(Set<String> families, String description) {
            require(defaultValue != null, "byDefault(...)");
            return new Hyperparameter(
                    name, Kind.BOOLEAN, 0, false, 0, false, List.of(), defaultValue, families, description);
        }
    }
}
