package dev.anneal.tuner.sampler;

import dev.anneal.tuner.space.Distribution;
import dev.anneal.tuner.space.InvalidSearchSpaceException;
import dev.anneal.tuner.space.SearchSpace;
import dev.anneal.tuner.study.StudyView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Complete enumeration in a fixed order: trial {@code n} gets grid point {@code n}, reading the
 * point index as a mixed-radix number whose last digit is the last declared parameter. Trial
 * numbers are unique, so no point is proposed twice, and the order does not depend on timing.
 */
public final class GridSampler implements Sampler {

    /** The largest grid a job may have; the API rejects larger ones up front. */
    public static final long MAX_POINTS = 10_000;

    private final List<Distribution> axes;
    private final List<List<Object>> values;
    private final long size;

    public GridSampler(SearchSpace space) {
        this.size = space.gridSize();
        for (Distribution d : space.parameters().values()) {
            if (!d.isEnumerable()) {
                throw new InvalidSearchSpaceException(
                        d.name(), "step", "is required by grid search for a float range (or use categorical values)");
            }
        }
        if (size > MAX_POINTS) {
            throw new InvalidSearchSpaceException(
                    null,
                    null,
                    "grid must have at most " + MAX_POINTS + " points, but has "
                            + (size == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : size));
        }
        this.axes = List.copyOf(space.parameters().values());
        this.values = axes.stream().map(Distribution::values).toList();
    }

    public long size() {
        return size;
    }

    @Override
    public boolean usesHistory() {
        return false;
    }

    @Override
    public Optional<Map<String, Object>> sample(StudyView study, int number, RandomGenerator rng) {
        if (number < 0 || number >= size) {
            return Optional.empty();
        }
        long rest = number;
        List<Object> picked = new ArrayList<>(axes.size());
        for (int i = axes.size() - 1; i >= 0; i--) {
            List<Object> axis = values.get(i);
            picked.add(0, axis.get((int) (rest % axis.size())));
            rest /= axis.size();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < axes.size(); i++) {
            params.put(axes.get(i).name(), picked.get(i));
        }
        return Optional.of(params);
    }
}
