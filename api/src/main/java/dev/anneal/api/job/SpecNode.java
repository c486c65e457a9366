package dev.anneal.api.job;

import dev.anneal.api.problem.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One JSON object of a job spec (or of another request body), with its path from the root, read
 * field by field. Every wrong field adds a {@link FieldError} (naming the path and what must
 * hold) instead of throwing, so a user sees all problems of a request at once.
 */
public final class SpecNode {

    private final JsonNode node;
    private final String path;
    private final List<FieldError> errors;

    public SpecNode(JsonNode node, String path, List<FieldError> errors) {
        this.node = node;
        this.path = path;
        this.errors = errors;
    }

    public JsonNode json() {
        return node;
    }

    public List<FieldError> errors() {
        return errors;
    }

    String path() {
        return path;
    }

    String path(String field) {
        if (field.isEmpty()) {
            return path;
        }
        return path.isEmpty() ? field : path + "." + field;
    }

    List<String> fieldNames() {
        return new ArrayList<>(node.propertyNames());
    }

    public boolean has(String field) {
        JsonNode value = node.get(field);
        return value != null && !value.isNull();
    }

    JsonNode raw(String field) {
        return node.get(field);
    }

    public void error(String field, String message) {
        errors.add(new FieldError(path(field), message));
    }

    /** Reports every field not in {@code known}: a typo should not be silently ignored. */
    public void rejectUnknown(Set<String> known) {
        for (String field : node.propertyNames()) {
            if (!known.contains(field)) {
                error(field, "is not a known field; known fields are " + new ArrayList<>(known));
            }
        }
    }

    public Optional<String> string(String field, boolean required) {
        JsonNode value = present(field, required);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isString()) {
            error(field, "must be a string, but was " + describe(value));
            return Optional.empty();
        }
        if (value.stringValue().isBlank()) {
            error(field, "must not be blank");
            return Optional.empty();
        }
        return Optional.of(value.stringValue());
    }

    public Optional<Long> integer(String field, boolean required, long min, long max) {
        JsonNode value = present(field, required);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            error(field, "must be an integer, but was " + describe(value));
            return Optional.empty();
        }
        long v = value.longValue();
        if (v < min || v > max) {
            error(field, "must be between " + min + " and " + max + ", but was " + v);
            return Optional.empty();
        }
        return Optional.of(v);
    }

    public Optional<Double> number(String field, boolean required) {
        JsonNode value = present(field, required);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            error(field, "must be a number, but was " + describe(value));
            return Optional.empty();
        }
        if (!Double.isFinite(value.doubleValue())) {
            error(field, "must be a finite number, but was " + value.numberValue());
            return Optional.empty();
        }
        return Optional.of(value.doubleValue());
    }

    Optional<Boolean> bool(String field) {
        JsonNode value = present(field, false);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            error(field, "must be true or false, but was " + describe(value));
            return Optional.empty();
        }
        return Optional.of(value.booleanValue());
    }

    Optional<SpecNode> object(String field, boolean required) {
        JsonNode value = present(field, required);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            error(field, "must be an object, but was " + describe(value));
            return Optional.empty();
        }
        return Optional.of(new SpecNode(value, path(field), errors));
    }

    /**
     * An array of {@code min}..{@code max} objects, each a node whose errors are reported at
     * {@code field[i]}.
     */
    Optional<List<SpecNode>> objects(String field, int min, int max) {
        JsonNode value = present(field, false);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            error(field, "must be an array of objects, but was " + describe(value));
            return Optional.empty();
        }
        if (value.size() < min || value.size() > max) {
            error(field, "must have " + min + " to " + max + " entries, but has " + value.size());
            return Optional.empty();
        }
        List<SpecNode> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isObject()) {
                error(field + "[" + i + "]", "must be an object, but was " + describe(item));
                return Optional.empty();
            }
            items.add(new SpecNode(item, path(field) + "[" + i + "]", errors));
        }
        return Optional.of(items);
    }

    /** A list of distinct, non-blank strings. */
    Optional<List<String>> strings(String field) {
        JsonNode value = present(field, false);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            error(field, "must be an array of strings, but was " + describe(value));
            return Optional.empty();
        }
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode item : value) {
            if (!item.isString() || item.stringValue().isBlank()) {
                error(field, "must contain only non-blank strings, but contained " + describe(item));
                return Optional.empty();
            }
            if (!seen.add(item.stringValue())) {
                error(field, "must not repeat \"" + item.stringValue() + "\"");
                return Optional.empty();
            }
        }
        return Optional.of(List.copyOf(seen));
    }

    /** One of {@code allowed}, compared case-insensitively and returned in lower case. */
    public Optional<String> choice(String field, boolean required, List<String> allowed) {
        return string(field, required).flatMap(v -> {
            String lower = v.toLowerCase(Locale.ROOT);
            if (!allowed.contains(lower)) {
                error(field, "must be one of " + allowed + ", but was \"" + v + "\"");
                return Optional.empty();
            }
            return Optional.of(lower);
        });
    }

    private JsonNode present(String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                error(field, "is required");
            }
            return null;
        }
        return value;
    }

    public static String describe(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isString()) {
            return "the string \"" + abbreviate(value.stringValue()) + "\"";
        }
        if (value.isNumber()) {
            return "the number " + value.numberValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "true" : "false";
        }
        if (value.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
