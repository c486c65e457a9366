package dev.anneal.tuner.space;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters of a job and where each one's values come from, in declaration order (grid
 * search enumerates in this order, the last parameter varying fastest).
 */
public record SearchSpace(Map<String, Distribution> parameters) {

    public SearchSpace {
        if (parameters == null || parameters.isEmpty()) {
            throw new InvalidSearchSpaceException(null, null, "must have at least one parameter");
        }
        for (Map.Entry<String, Distribution> e : parameters.entrySet()) {
            if (!e.getKey().equals(e.getValue().name())) {
                throw new IllegalArgumentException("parameter key " + e.getKey() + " does not match distribution name "
                        + e.getValue().name());
            }
        }
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public static SearchSpace of(Distribution... distributions) {
        Map<String, Distribution> map = new LinkedHashMap<>();
        for (Distribution d : distributions) {
            map.put(d.name(), d);
        }
        return new SearchSpace(map);
    }

    /**
     * Number of points a grid over this space has, saturating at {@link Long#MAX_VALUE}; also
     * {@link Long#MAX_VALUE} when some parameter is continuous.
     */
    public long gridSize() {
        long size = 1;
        for (Distribution d : parameters.values()) {
            if (!d.isEnumerable()) {
                return Long.MAX_VALUE;
            }
            try {
                size = Math.multiplyExact(size, d.size());
            } catch (ArithmeticException overflow) {
                return Long.MAX_VALUE;
            }
        }
        return size;
    }

    /** Whether every value of {@code params} lies in this space and no parameter is missing or extra. */
    public boolean contains(Map<String, Object> params) {
        if (!params.keySet().equals(parameters.keySet())) {
            return false;
        }
        return parameters.entrySet().stream().allMatch(e -> e.getValue().contains(params.get(e.getKey())));
    }
}
