package dev.anneal.api.job;

import dev.anneal.spec.ParamValues;
import dev.anneal.tuner.space.Distribution;
import dev.anneal.tuner.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code initialTrials}: complete parameter sets to run first, each checked against the search
 * space and normalized to the values its distributions produce.
 */
final class InitialTrialsParser {

    private InitialTrialsParser() {}

    static List<Map<String, Object>> initialTrials(SpecNode root, SearchSpace space, int max) {
        JsonNode array = root.raw("initialTrials");
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray() || array.size() > max) {
            root.error(
                    "initialTrials",
                    "must be an array of at most " + max + " parameter sets (and no more than maxTrials)");
            return List.of();
        }
        List<Map<String, Object>> trials = new ArrayList<>();
        int index = 0;
        for (JsonNode item : array) {
            String field = "initialTrials[" + index++ + "]";
            if (!item.isObject()) {
                root.error(field, "must be an object of parameter values, but was " + SpecNode.describe(item));
                continue;
            }
            Map<String, Object> given = new LinkedHashMap<>();
            boolean ok = true;
            for (var e : item.properties()) {
                Distribution d = space.parameters().get(e.getKey());
                if (d == null) {
                    root.error(field + "." + e.getKey(), "is not a parameter of the search space");
                    ok = false;
                    continue;
                }
                Object value = e.getValue().isValueNode() && !e.getValue().isNull()
                        ? WarmStart.normalize(d, ParamValues.scalar(e.getValue()))
                        : null;
                if (value == null || !d.contains(value)) {
                    root.error(
                            field + "." + e.getKey(),
                            "must be a value of the parameter's distribution, but was "
                                    + SpecNode.describe(e.getValue()));
                    ok = false;
                    continue;
                }
                given.put(e.getKey(), value);
            }
            for (String name : WarmStart.searched(space)) {
                if (!given.containsKey(name)) {
                    root.error(field + "." + name, "is required: an initial trial sets every searched parameter");
                    ok = false;
                }
            }
            if (ok) {
                trials.add(WarmStart.withFixedValues(space, given));
            }
        }
        return trials;
    }
}
