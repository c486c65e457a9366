package dev.anneal.cli.gate;

import dev.anneal.cli.http.JobView;
import dev.anneal.cli.http.Json;
import tools.jackson.databind.node.ObjectNode;

/** Job answers as the server shapes them, for tests that need no server. */
public final class Jobs {

    private Jobs() {}

    public static JobView completed(String metric, String direction, Double best) {
        return JobView.of(json(7, "COMPLETED", metric, direction, best));
    }

    public static JobView completed(long id, String metric, String direction, Double best) {
        return JobView.of(json(id, "COMPLETED", metric, direction, best));
    }

    public static ObjectNode json(long id, String state, String metric, String direction, Double best) {
        ObjectNode job = Json.MAPPER.createObjectNode();
        job.put("id", id).put("name", "iris-mlp").put("state", state).put("maxTrials", 4);
        job.putObject("objective").put("metric", metric).put("direction", direction);
        job.putObject("trials")
                .put("total", 4)
                .put("completed", 3)
                .put("failed", 1)
                .put("running", 0);
        if (best != null) {
            ObjectNode b = job.putObject("best")
                    .put("trialNumber", 2)
                    .put("value", best)
                    .put("bestEpoch", 5);
            b.putObject("params").put("learningRate", 0.0123).put("optimizer", "adam");
        } else {
            job.putNull("best");
        }
        return job;
    }
}
