package dev.anneal.api.job;

import dev.anneal.api.problem.FieldError;
import dev.anneal.tuner.space.SearchSpace;
import dev.anneal.worker.train.ModelFamilies;
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
        // a DL4J job's parameters are checked against its model family's catalog; external ones are free
        String family = dl4j ? spec.path("model").path("type").asString(ModelFamilies.MLP) : null;
        var parsed = SearchSpaceParser.parse(new SpecNode(spec.path("searchSpace"), "searchSpace", errors), family);
        if (parsed.isEmpty()) {
            throw new IllegalStateException("stored search space no longer validates: " + errors);
        }
        return inDeclarationOrder(parsed.get().space(), spec.path("parameterOrder"));
    }

    /**
     * PostgreSQL's jsonb keeps object keys in its own order, not the order the user wrote them;
     * the spec's {@code parameterOrder} restores it, because grid enumeration follows it.
     */
    private static SearchSpace inDeclarationOrder(SearchSpace space, JsonNode order) {
        if (!order.isArray() || order.size() != space.parameters().size()) {
            return space;
        }
        java.util.Map<String, dev.anneal.tuner.space.Distribution> ordered = new java.util.LinkedHashMap<>();
        order.forEach(name -> ordered.put(name.asString(), space.parameters().get(name.asString())));
        return ordered.containsValue(null) ? space : new SearchSpace(ordered);
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
