package dev.anneal.cli.http;

import dev.anneal.spec.DirectionJson;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The parts of a job answer ({@code GET /api/v1/jobs/{id}}) the CLI reasons about: state,
 * objective, trial counts and the best trial. The full JSON stays available for reports.
 *
 * @param bestValue the best trial's objective value, or null while no trial has completed
 */
public record JobView(
        long id,
        String name,
        String state,
        String stateReason,
        String metric,
        String direction,
        int maxTrials,
        long total,
        long running,
        long completed,
        long failed,
        long pruned,
        long cancelled,
        Double bestValue,
        Integer bestTrial,
        Integer bestEpoch,
        JsonNode bestParams,
        JsonNode json) {

    private static final Set<String> FINISHED = Set.of("COMPLETED", "FAILED", "CANCELLED");

    public static JobView of(JsonNode job) {
        JsonNode trials = job.path("trials");
        JsonNode best = job.path("best");
        boolean hasBest = best.isObject() && best.path("value").isNumber();
        return new JobView(
                job.path("id").asLong(),
                job.path("name").asString(""),
                job.path("state").asString(""),
                job.path("stateReason").asString(null),
                job.path("objective").path("metric").asString(""),
                job.path("objective").path("direction").asString(""),
                job.path("maxTrials").asInt(),
                trials.path("total").asLong(),
                trials.path("running").asLong(),
                trials.path("completed").asLong(),
                trials.path("failed").asLong(),
                trials.path("pruned").asLong(),
                trials.path("cancelled").asLong(),
                hasBest ? best.path("value").asDouble() : null,
                hasBest ? best.path("trialNumber").asInt() : null,
                hasBest && best.path("bestEpoch").isNumber()
                        ? best.path("bestEpoch").asInt()
                        : null,
                hasBest ? best.path("params") : null,
                job);
    }

    public boolean finished() {
        return FINISHED.contains(state);
    }

    public boolean maximizes() {
        return DirectionJson.maximizes(direction);
    }

    /** Trials that reached an end state (completed, failed, pruned or cancelled). */
    public long done() {
        return completed + failed + pruned + cancelled;
    }

    /** A job's one-line identity for messages: {@code job 12 (iris-mlp)}. */
    public String label() {
        return name.isEmpty() ? "job " + id : "job " + id + " (" + name + ")";
    }
}
