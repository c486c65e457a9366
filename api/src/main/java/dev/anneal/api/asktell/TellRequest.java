package dev.anneal.api.asktell;

import dev.anneal.api.job.SpecNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The body of a tell: {@code {"value": v}} completes the trial with objective value {@code v}
 * (finite), {@code {"values": [v1, v2]}} with one value per objective of a job with several;
 * {@code "metrics": {"name": v}} adds the values of the metrics the job's constraints bound;
 * {@code {"state": "FAILED", "error": "..."}} fails it. {@code "state": "COMPLETED"} may accompany
 * the values. Whether the counts match the job is checked against its spec ({@link
 * AskTellService}).
 *
 * @param values the objective values (one for {@code "value"}), or null for a failed trial
 * @param metrics further metrics told, by name (empty if none)
 * @param failure the failure reason, or null for a completed trial
 */
record TellRequest(List<Double> values, Map<String, Double> metrics, String failure) {

    /** Longer client errors (a stack trace, say) are cut to this many characters. */
    static final int MAX_ERROR = 4000;

    static final int MAX_METRICS = 32;

    static final String NO_REASON = "failed: the client gave no reason";

    /** The first objective's value. */
    Double value() {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    boolean failed() {
        return failure != null;
    }

    /** @throws dev.anneal.api.problem.ApiProblem (400) naming each bad field */
    static TellRequest from(JsonNode body) {
        SpecNode node = RequestBodies.object(body);
        node.rejectUnknown(Set.of("value", "values", "metrics", "state", "error"));
        Optional<String> state = node.choice("state", false, List.of("completed", "failed"));
        if (state.isEmpty() && node.has("state")) {
            // which other fields belong depends on the state, so report it alone
            RequestBodies.check(node);
        }
        TellRequest request = "failed".equals(state.orElse(null)) ? failed(node) : completed(node);
        RequestBodies.check(node);
        return request;
    }

    private static TellRequest completed(SpecNode node) {
        if (node.has("error")) {
            node.error("error", "is only for state FAILED");
        }
        Map<String, Double> metrics = metrics(node);
        if (node.has("value") && node.has("values")) {
            node.error(
                    "values",
                    "cannot be given beside \"value\": send \"value\" for one objective, \"values\" for several");
            return new TellRequest(null, metrics, null);
        }
        if (node.has("values")) {
            return new TellRequest(numbers(node, "values"), metrics, null);
        }
        if (!node.has("value")) {
            node.error(
                    "value",
                    "is required: the trial's objective value, or \"values\" for several objectives (or send state"
                            + " FAILED with an error)");
            return new TellRequest(null, metrics, null);
        }
        return new TellRequest(node.number("value", true).map(List::of).orElse(null), metrics, null);
    }

    private static TellRequest failed(SpecNode node) {
        for (String field : List.of("value", "values", "metrics")) {
            if (node.has(field)) {
                node.error(field, "must be absent when state is FAILED");
            }
        }
        String error = node.string("error", false).orElse(NO_REASON);
        if (error.length() > MAX_ERROR) {
            error = error.substring(0, MAX_ERROR - 14) + "... (truncated)";
        }
        return new TellRequest(null, Map.of(), error);
    }

    /** A non-empty array of finite numbers. */
    private static List<Double> numbers(SpecNode node, String field) {
        JsonNode array = node.json().get(field);
        if (!array.isArray() || array.isEmpty()) {
            node.error(field, "must be a non-empty array of numbers, but was " + SpecNode.describe(array));
            return null;
        }
        List<Double> values = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isNumber() || !Double.isFinite(item.doubleValue())) {
                node.error(field, "must contain only finite numbers, but contained " + SpecNode.describe(item));
                return null;
            }
            values.add(item.doubleValue());
        }
        return values;
    }

    /** {@code "metrics"}: an object of metric name to finite number, at most {@value #MAX_METRICS}. */
    private static Map<String, Double> metrics(SpecNode node) {
        JsonNode object = node.json().get("metrics");
        if (object == null || object.isNull()) {
            return Map.of();
        }
        if (!object.isObject() || object.size() > MAX_METRICS) {
            node.error(
                    "metrics",
                    "must be an object of at most " + MAX_METRICS + " metric names to numbers, but was "
                            + SpecNode.describe(object));
            return Map.of();
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String name : object.propertyNames()) {
            JsonNode v = object.get(name);
            if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                node.error("metrics." + name, "must be a finite number, but was " + SpecNode.describe(v));
            } else {
                metrics.put(name, v.doubleValue());
            }
        }
        return metrics;
    }
}
