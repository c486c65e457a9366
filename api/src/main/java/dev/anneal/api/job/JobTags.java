package dev.anneal.api.job;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The optional {@code tags} of a job: labels such as {@code "branch": "main"} that CI uses to
 * find a baseline ({@code GET /api/v1/jobs?tag=branch:main&latest=true}). Keys are short
 * identifiers so that {@code key:value} in a query parameter is unambiguous.
 */
final class JobTags {

    static final int MAX_TAGS = 20;
    static final int MAX_VALUE_LENGTH = 256;
    static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.\\-/]{1,64}");

    private JobTags() {}

    /** The tags, sorted by key; problems are reported on {@code root}. */
    static Map<String, String> parse(SpecNode root) {
        Map<String, String> tags = new TreeMap<>();
        JsonNode node = root.raw("tags");
        if (node == null || node.isNull()) {
            return tags;
        }
        if (!node.isObject()) {
            root.error("tags", "must be an object of string values, but was " + SpecNode.describe(node));
            return tags;
        }
        if (node.size() > MAX_TAGS) {
            root.error("tags", "must have at most " + MAX_TAGS + " entries, but had " + node.size());
            return tags;
        }
        for (var entry : node.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (!KEY.matcher(key).matches()) {
                root.error("tags", "key \"" + key + "\" must be 1-64 letters, digits, '_', '.', '-' or '/'");
            } else if (!value.isString()
                    || value.asString().isEmpty()
                    || value.asString().length() > MAX_VALUE_LENGTH) {
                root.error(
                        "tags." + key,
                        "must be a string of 1 to " + MAX_VALUE_LENGTH + " characters, but was "
                                + SpecNode.describe(value));
            } else {
                tags.put(key, value.asString());
            }
        }
        return tags;
    }

    static void write(ObjectNode spec, Map<String, String> tags) {
        ObjectNode node = spec.putObject("tags");
        tags.forEach(node::put);
    }
}
