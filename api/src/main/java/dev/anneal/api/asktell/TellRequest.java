package dev.anneal.api.asktell;

import dev.anneal.api.job.SpecNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The body of a tell: {@code {"value": v}} completes the trial with objective value {@code v}
 * (finite); {@code {"state": "FAILED", "error": "..."}} fails it. {@code "state": "COMPLETED"}
 * may accompany a value.
 *
 * @param value the objective value, or null for a failed trial
 * @param failure the failure reason, or null for a completed trial
 */
record TellRequest(Double value, String failure) {

    /** Longer client errors (a stack trace, say) are cut to this many characters. */
    static final int MAX_ERROR = 4000;

    static final String NO_REASON = "failed: the client gave no reason";

    boolean failed() {
        return failure != null;
    }

    /** @throws dev.anneal.api.problem.ApiProblem (400) naming each bad field */
    static TellRequest from(JsonNode body) {
        SpecNode node = RequestBodies.object(body);
        node.rejectUnknown(Set.of("value", "state", "error"));
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
        if (!node.has("value")) {
            node.error("value", "is required: the trial's objective value (or send state FAILED with an error)");
            return new TellRequest(null, null);
        }
        return new TellRequest(node.number("value", true).orElse(null), null);
    }

    private static TellRequest failed(SpecNode node) {
        if (node.has("value")) {
            node.error("value", "must be absent when state is FAILED");
        }
        String error = node.string("error", false).orElse(NO_REASON);
        if (error.length() > MAX_ERROR) {
            error = error.substring(0, MAX_ERROR - 14) + "... (truncated)";
        }
        return new TellRequest(null, error);
    }
}
