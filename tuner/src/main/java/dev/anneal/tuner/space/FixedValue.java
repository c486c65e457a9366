package dev.anneal.tuner.space;

import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/** A parameter that is not searched: every trial gets {@code value}. */
public record FixedValue(String name, Object value) implements Distribution {

    public FixedValue {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public boolean contains(Object candidate) {
        return value.equals(candidate);
    }

    @Override
    public Object sample(RandomGenerator rng) {
        return value;
    }

    @Override
    public boolean isEnumerable() {
        return true;
    }

    @Override
    public List<Object> values() {
        return List.of(value);
    }

    @Override
    public long size() {
        return 1;
    }
}
