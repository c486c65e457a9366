package dev.anneal.cli.http;

import dev.anneal.cli.CliFailure;
import dev.anneal.cli.ExitCodes;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A non-2xx answer, carrying the server's RFC 9457 problem detail. Its exit code follows the
 * README: 401/403 mean our credentials were refused (5), other 4xx mean what we sent was wrong
 * (4: an invalid spec, an unknown job, a finished job cancelled), and 5xx mean the server broke (5).
 */
public final class ApiError extends CliFailure {

    private final int status;
    private final JsonNode problem;

    ApiError(String request, int status, String body) {
        this(request, status, parse(body), body);
    }

    private ApiError(String request, int status, JsonNode problem, String body) {
        super(exitCodeFor(status), describe(request, status, problem, body));
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    /** The problem body, or a missing node when the answer was not JSON. */
    public JsonNode problem() {
        return problem;
    }

    static int exitCodeFor(int status) {
        if (status == 401 || status == 403 || status >= 500) {
            return ExitCodes.UNAVAILABLE;
        }
        return ExitCodes.USAGE;
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
            return node != null && node.isObject() ? node : Json.MAPPER.missingNode();
        } catch (JacksonException e) {
            return Json.MAPPER.missingNode();
        }
    }

    private static String describe(String request, int status, JsonNode problem, String body) {
        List<String> lines = new ArrayList<>();
        String title = problem.path("title").asString("");
        String detail = problem.path("detail").asString("");
        StringBuilder head = new StringBuilder(request).append(" answered ").append(status);
        if (!title.isEmpty()) {
            head.append(' ').append(title);
        }
        JsonNode errors = problem.path("errors");
        boolean detailRepeatsTheError = errors.size() == 1
                && detail.equals(errors.get(0).path("field").asString("") + ": "
                        + errors.get(0).path("message").asString(""));
        if (!detail.isEmpty() && !detailRepeatsTheError) {
            head.append(": ").append(detail);
        } else if (problem.isMissingNode() && body != null && !body.isBlank()) {
            head.append(": ").append(body.length() > 300 ? body.substring(0, 300) + "..." : body.strip());
        }
        lines.add(head.toString());
        for (JsonNode error : errors) {
            lines.add("  " + error.path("field").asString("?") + ": "
                    + error.path("message").asString(""));
        }
        if (status == 401 || status == 403) {
            lines.add("  the server refused the credentials: set a valid token with --token, ANNEAL_TOKEN"
                    + " or token: in the config file");
        }
        return String.join(System.lineSeparator(), lines);
    }
}
