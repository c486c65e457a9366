package dev.anneal.api.job;

import dev.anneal.api.problem.FieldError;
import dev.anneal.tuner.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads parts of a stored (already validated and normalized) job spec back into typed form. */
public final class StoredSpecs {

    private StoredSpecs() {}

    /** The job's search space, parsed by the same code that validated it on submission. */
    public static SearchSpace searchSpace(JsonNode spec) {
        List<FieldError> errors = new ArrayList<>();
        boolean dl4j = !JobSpecParser.EXTERNAL.equals(spec.path("execution").asString(JobSpecParser.DL4J));
        var parsed = SearchSpaceParser.parse(new SpecNode(spec.path("searchSpace"), "searchSpace", errors), dl4j);
        if (parsed.isEmpty()) {
            throw new IllegalStateException("stored search space no longer validates: " + errors);
        }
        return parsed.get().space();
    }

    public static long seed(JsonNode spec) {
        return spec.path("algorithm").path("seed").asLong();
    }

    /** A trial's stored parameters as sampler values (Long, Double, String, Boolean). */
    public static java.util.Map<String, Object> params(JsonNode params) {
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
        params.properties().forEach(e -> values.put(e.getKey(), SearchSpaceParser.scalar(e.getValue())));
        return values;
    }

    public static JsonNode paramsJson(java.util.Map<String, Object> params) {
        var node = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        params.forEach((k, v) -> node.set(k, SearchSpaceParser.valueNode(v)));
        return node;
    }
}
