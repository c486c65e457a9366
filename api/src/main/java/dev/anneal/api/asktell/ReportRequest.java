package dev.anneal.api.asktell;

import dev.anneal.api.job.SpecNode;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The body of a report: an intermediate value of a running trial.
 *
 * @param step where in the client's evaluation the value was measured (an epoch, an iteration),
 *     from 0; a step reported again replaces the earlier value
 * @param value the objective's value at that step, finite
 */
record ReportRequest(int step, double value) {

    /** @throws dev.anneal.api.problem.ApiProblem (400) naming each bad field */
    static ReportRequest from(JsonNode body) {
        SpecNode node = RequestBodies.object(body);
        node.rejectUnknown(Set.of("step", "value"));
        Long step = node.integer("step", true, 0, Integer.MAX_VALUE).orElse(null);
        Double value = node.number("value", true).orElse(null);
        RequestBodies.check(node);
        return new ReportRequest(step.intValue(), value);
    }
}
