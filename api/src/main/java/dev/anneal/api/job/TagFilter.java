package dev.anneal.api.job;

import dev.anneal.api.problem.ApiProblem;
import dev.anneal.api.problem.FieldError;
import dev.anneal.api.problem.ProblemTypes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The {@code tag=key:value} query parameters of the jobs list: every one must match. */
final class TagFilter {

    private TagFilter() {}

    static Map<String, String> parse(List<String> params) {
        Map<String, String> tags = new TreeMap<>();
        if (params == null) {
            return tags;
        }
        for (String param : params) {
            int colon = param.indexOf(':');
            String key = colon < 0 ? "" : param.substring(0, colon);
            String value = colon < 0 ? "" : param.substring(colon + 1);
            if (!JobTags.KEY.matcher(key).matches() || value.isEmpty()) {
                throw ApiProblem.badRequest(
                        ProblemTypes.INVALID_REQUEST,
                        "Invalid request",
                        List.of(new FieldError(
                                "tag",
                                "must be key:value with a key of letters, digits, '_', '.', '-' or '/', but was \""
                                        + param + "\"")));
            }
            String earlier = tags.put(key, value);
            if (earlier != null && !earlier.equals(value)) {
                throw ApiProblem.badRequest(
                        ProblemTypes.INVALID_REQUEST,
                        "Invalid request",
                        List.of(new FieldError("tag", "names \"" + key + "\" twice with different values")));
            }
        }
        return tags;
    }
}
