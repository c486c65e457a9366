package dev.anneal.api.job;

import dev.anneal.spec.ParamValues;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A trial's stored parameters, between their JSON and the samplers' values. */
public final class StoredSpecs {

    private StoredSpecs() {}

    /** A trial's stored parameters as sampler values (Long, Double, String, Boolean). */
    public static Map<String, Object> params(JsonNode params) {
        return ParamValues.params(params);
    }

    public static JsonNode paramsJson(Map<String, Object> params) {
        return ParamValues.json(params);
    }
}
