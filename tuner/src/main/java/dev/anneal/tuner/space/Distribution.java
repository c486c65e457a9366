package dev.anneal.tuner.space;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Where a parameter's values come from. Values are plain Java objects so they map one to one
 * onto JSON: {@link Double} for floats, {@link Long} for integers, and for categoricals whatever
 * the choices are ({@link String}, {@link Boolean}, {@link Long} or {@link Double}).
 *
 * <p>Implementations validate themselves at construction, so a {@code Distribution} that exists
 * can always be sampled.
 */
public sealed interface Distribution permits FloatDistribution, IntDistribution, CategoricalDistribution, FixedValue {

    /** The parameter's name, as it appears in the job spec and in trial parameters. */
    String name();

    /** Whether {@code value} is one this distribution can produce. */
    boolean contains(Object value);

    /** One value drawn at random (uniform, or log-uniform for log-scaled ranges). */
    Object sample(RandomGenerator rng);

    /** Whether the values can be listed, as grid search needs. */
    boolean isEnumerable();

    /**
     * Every value in ascending (or declared) order.
     *
     * @throws IllegalStateException if {@link #isEnumerable()} is false
     */
    List<Object> values();

    /** How many values {@link #values()} has; {@link Long#MAX_VALUE} if not enumerable. */
    long size();
}
