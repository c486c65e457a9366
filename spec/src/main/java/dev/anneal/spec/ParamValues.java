package dev.anneal.spec;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Parameter values between JSON and the samplers' Java values (Long, Double, String, Boolean):
 * a JSON number with an integral value is a Long, any other number a Double.
 */
public final class ParamValues {

    private ParamValues() {}

    public static Object scalar(JsonNode v) {
        if (v.isNumber()) {
            return v.canConvertToExactIntegral() && v.canConvertToLong()
                    ? (Object) v.longValue()
                    : (Object) v.doubleValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        return v.stringValue();
    }

    public static JsonNode node(Object v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v instanceof Long l) {
            return f.numberNode(l);
        }
        if (v instanceof Integer i) {
            return f.numberNode(i.longValue());
        }
        if (v instanceof Double d) {
            return f.numberNode(d);
        }
        if (v instanceof Boolean b) {
            return f.booleanNode(b);
        }
        return f.stringNode(String.valueOf(v));
    }

    /**
     * Values as {@link #scalar} reads them: what Jackson made of a JSON number (an Integer, or a
     * Double with an integral value) becomes the Long the samplers use.
     */
    public static Map<String, Object> normalized(Map<String, Object> params) {
        Map<String, Object> values = new LinkedHashMap<>();
        params.forEach((k, v) -> values.put(k, normalized(v)));
        return values;
    }

    private static Object normalized(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p63) {
            return d.longValue();
        }
        if (v instanceof java.math.BigInteger b) {
            return b.doubleValue();
        }
        return v;
    }

    /** A trial's stored parameters as sampler values. */
    public static Map<String, Object> params(JsonNode params) {
        Map<String, Object> values = new LinkedHashMap<>();
        params.properties().forEach(e -> values.put(e.getKey(), scalar(e.getValue())));
        return values;
    }

    public static ObjectNode json(Map<String, Object> params) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        params.forEach((k, v) -> node.set(k, node(v)));
        return node;
    }
}
