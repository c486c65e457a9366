package dev.anneal.cli.http;

import dev.anneal.spec.DirectionJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The parts of a job answer ({@code GET /api/v1/jobs/{id}}) the CLI reasons about: state,
 * objective, trial counts and the best trial. The full JSON stays available for reports.
 *
 * @param bestValue the best trial's objective value, or null while no trial has completed
 * @param objectives the metrics of the job's objectives, in order (several for a trade-off)
 * @param frontBest for a job with several objectives, once read: each objective's best value on
 *     its Pareto front
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
        JsonNode json,
        List<String> objectives,
        Map<String, Double> frontBest) {

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
                job,
                objectives(job),
                Map.of());
    }

    /** The metrics of a job's objectives, in order, from its stored spec (one for most jobs). */
    private static List<String> objectives(JsonNode job) {
        List<String> metrics = new ArrayList<>();
        job.path("spec")
                .path("objectives")
                .forEach(o -> metrics.add(o.path("metric").asString("")));
        if (metrics.isEmpty()) {
            metrics.add(job.path("objective").path("metric").asString(""));
        }
        return List.copyOf(metrics);
    }

    public boolean multiObjective() {
        return objectives.size() > 1;
    }

    /**
     * This job with the best value of each objective over its Pareto front ({@code GET
     * .../pareto}): what a gate on a job with several objectives compares, since no single trial
     * is best at all of them.
     */
    public JobView withFront(JsonNode pareto) {
        Map<String, Double> best = new LinkedHashMap<>();
        List<String> directions = new ArrayList<>();
        json.path("spec")
                .path("objectives")
                .forEach(o -> directions.add(o.path("direction").asString("")));
        for (JsonNode trial : pareto) {
            for (int k = 0; k < objectives.size() && k < trial.path("values").size(); k++) {
                double v = trial.path("values").get(k).asDouble();
                boolean max = DirectionJson.maximizes(directions.get(k));
                best.merge(objectives.get(k), v, (a, b) -> max ? Math.max(a, b) : Math.min(a, b));
            }
        }
        return new JobView(
                id,
                name,
                state,
                stateReason,
                metric,
                direction,
                maxTrials,
                total,
                running,
                completed,
                failed,
                pruned,
                cancelled,
                bestValue,
                bestTrial,
                bestEpoch,
                bestParams,
                json,
                objectives,
                Map.copyOf(best));
    }

    /** What a gate on {@code best.<field>} reads: the front's best for an objective, else the best trial's value. */
    public Double best(String field) {
        Double onFront = frontBest.get(field);
        return onFront != null ? onFront : bestValue;
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
