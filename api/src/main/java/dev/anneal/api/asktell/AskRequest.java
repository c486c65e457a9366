package dev.anneal.api.asktell;

import dev.anneal.api.job.SpecNode;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The optional body of an ask.
 *
 * @param clientId who is asking; a client that already holds a running trial of the job gets
 *     that trial back instead of a new one (null: always a new trial)
 */
record AskRequest(String clientId) {

    static final int MAX_CLIENT_ID = 200;

    /** @throws dev.anneal.api.problem.ApiProblem (400) naming each bad field */
    static AskRequest from(JsonNode body) {
        if (RequestBodies.absent(body)) {
            return new AskRequest(null);
        }
        SpecNode node = RequestBodies.object(body);
        node.rejectUnknown(Set.of("clientId"));
        String clientId = node.string("clientId", false).orElse(null);
        if (clientId != null && clientId.length() > MAX_CLIENT_ID) {
            node.error("clientId", "must be at most " + MAX_CLIENT_ID + " characters, but has " + clientId.length());
        }
        RequestBodies.check(node);
        return new AskRequest(clientId);
    }
}
