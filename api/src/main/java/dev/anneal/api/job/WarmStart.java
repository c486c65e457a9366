package dev.anneal.api.job;

import dev.anneal.spec.JobSpec;
import dev.anneal.tuner.space.CategoricalDistribution;
import dev.anneal.tuner.space.Distribution;
import dev.anneal.tuner.space.FixedValue;
import dev.anneal.tuner.space.FloatDistribution;
import dev.anneal.tuner.space.IntDistribution;
import dev.anneal.tuner.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a job knows before its first trial: earlier jobs whose results seed the sampler's model
 * ({@code warmStartFrom}) and configurations to run first ({@code initialTrials}).
 *
 * @param initialTrials complete parameter sets (fixed values included), run as trials 0, 1, ...
 */
public record WarmStart(List<Long> jobIds, List<Map<String, Object>> initialTrials) {

    public static final WarmStart NONE = new WarmStart(List.of(), List.of());

    public WarmStart {
        jobIds = List.copyOf(jobIds);
        initialTrials = List.copyOf(initialTrials);
    }

    /** The normalized form of a stored spec. */
    public static WarmStart of(JobSpec spec) {
        return new WarmStart(spec.warmStartFrom(), spec.initialTrials());
    }

    /** {@code value} as the type the distribution produces (a JSON 1 for a float range is 1.0). */
    static Object normalize(Distribution d, Object value) {
        if (value instanceof Number n && d instanceof FloatDistribution) {
            return n.doubleValue();
        }
        if (value instanceof Double v && d instanceof IntDistribution && v == Math.rint(v)) {
            return v.longValue();
        }
        if (value instanceof Number n && d instanceof CategoricalDistribution c) {
            for (Object choice : c.choices()) {
                if (choice instanceof Number cn && cn.doubleValue() == n.doubleValue()) {
                    return choice;
                }
            }
        }
        return value;
    }

    /** The searched parameters: those a sampler chooses (not fixed). */
    static List<String> searched(SearchSpace space) {
        List<String> names = new ArrayList<>();
        for (Distribution d : space.parameters().values()) {
            if (!(d instanceof FixedValue) && d.size() != 1) {
                names.add(d.name());
            }
        }
        return names;
    }

    static Map<String, Object> withFixedValues(SearchSpace space, Map<String, Object> given) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (Distribution d : space.parameters().values()) {
            params.put(
                    d.name(),
                    given.containsKey(d.name())
                            ? given.get(d.name())
                            : d.values().get(0));
        }
        return params;
    }
}
