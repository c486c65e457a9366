package dev.anneal.tuner.space;

import java.util.HashSet;
import java.util.List;
import java.util.random.RandomGenerator;

/** One of a list of unordered choices: strings, booleans or numbers. */
public record CategoricalDistribution(String name, List<Object> choices) implements Distribution {

    public CategoricalDistribution {
        if (choices == null || choices.isEmpty()) {
            throw new InvalidSearchSpaceException(name, "values", "must list at least one choice");
        }
        choices = List.copyOf(choices);
        for (Object choice : choices) {
            if (!(choice instanceof String
                    || choice instanceof Boolean
                    || choice instanceof Long
                    || choice instanceof Double)) {
                throw new InvalidSearchSpaceException(
                        name, "values", "must be strings, booleans or numbers, but one was " + describe(choice));
            }
        }
        if (new HashSet<>(choices).size() != choices.size()) {
            throw new InvalidSearchSpaceException(name, "values", "must not repeat, but were " + choices);
        }
    }

    @Override
    public boolean contains(Object value) {
        return choices.contains(value);
    }

    @Override
    public Object sample(RandomGenerator rng) {
        return choices.get(rng.nextInt(choices.size()));
    }

    @Override
    public boolean isEnumerable() {
        return true;
    }

    @Override
    public List<Object> values() {
        return choices;
    }

    @Override
    public long size() {
        return choices.size();
    }

    private static String describe(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName();
    }
}
