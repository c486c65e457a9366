package dev.anneal.spec;

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
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A search space in the stored spec's normalized form: {@code {"type": "float", "min", "max",
 * "log", "step"?}}, {@code {"type": "int", ...}}, {@code {"type": "categorical", "values": [...]}},
 * or a bare value for a fixed parameter. The api's parser has validated it before it is stored,
 * so reading it back needs no rules of its own.
 */
public final class SearchSpaceJson {

    private SearchSpaceJson() {}

    public static ObjectNode toJson(SearchSpace space) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        for (Distribution d : space.parameters().values()) {
            if (d instanceof FloatDistribution fd) {
                ObjectNode o = json.putObject(d.name())
                        .put("type", "float")
                        .put("min", fd.low())
                        .put("max", fd.high());
                o.put("log", fd.log());
                if (fd.step() != null) {
                    o.put("step", fd.step());
                }
            } else if (d instanceof IntDistribution id) {
                ObjectNode o = json.putObject(d.name())
                        .put("type", "int")
                        .put("min", id.low())
                        .put("max", id.high());
                o.put("log", id.log());
                if (id.step() != 1) {
                    o.put("step", id.step());
                }
            } else if (d instanceof CategoricalDistribution cd) {
                ArrayNode values =
                        json.putObject(d.name()).put("type", "categorical").putArray("values");
                cd.choices().forEach(v -> values.add(ParamValues.node(v)));
            } else if (d instanceof FixedValue fv) {
                json.set(d.name(), ParamValues.node(fv.value()));
            }
        }
        return json;
    }

    public static SearchSpace fromJson(JsonNode json) {
        Map<String, Distribution> parameters = new LinkedHashMap<>();
        json.properties().forEach(e -> parameters.put(e.getKey(), distribution(e.getKey(), e.getValue())));
        return new SearchSpace(parameters);
    }

    private static Distribution distribution(String name, JsonNode node) {
        if (!node.isObject()) {
            return new FixedValue(name, ParamValues.scalar(node));
        }
        return switch (node.path("type").asString()) {
            case "float" ->
                new FloatDistribution(
                        name,
                        node.path("min").asDouble(),
                        node.path("max").asDouble(),
                        node.path("log").asBoolean(),
                        node.has("step") ? node.path("step").asDouble() : null);
            case "int" ->
                new IntDistribution(
                        name,
                        node.path("min").asLong(),
                        node.path("max").asLong(),
                        node.path("log").asBoolean(),
                        node.path("step").asLong(1));
            case "categorical" -> {
                List<Object> values = new ArrayList<>();
                node.path("values").forEach(v -> values.add(ParamValues.scalar(v)));
                yield new CategoricalDistribution(name, values);
            }
            default -> throw new IllegalArgumentException("stored parameter " + name + " has no known type: " + node);
        };
    }

    /** {@code space} with its parameters in {@code order}, when that names exactly its parameters. */
    static SearchSpace inOrder(SearchSpace space, List<String> order) {
        if (order == null || order.size() != space.parameters().size()) {
            return space;
        }
        Map<String, Distribution> ordered = new LinkedHashMap<>();
        order.forEach(name -> ordered.put(name, space.parameters().get(name)));
        return ordered.containsValue(null) ? space : new SearchSpace(ordered);
    }

    static final class Writer extends ValueSerializer<SearchSpace> {
        @Override
        public void serialize(SearchSpace value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeTree(toJson(value));
        }
    }

    static final class Reader extends ValueDeserializer<SearchSpace> {
        @Override
        public SearchSpace deserialize(JsonParser p, DeserializationContext ctxt) {
            return fromJson(ctxt.readTree(p));
        }
    }
}
