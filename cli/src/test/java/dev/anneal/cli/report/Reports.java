package dev.anneal.cli.report;

import dev.anneal.cli.gate.GateResult;
import dev.anneal.cli.gate.Jobs;
import dev.anneal.cli.http.JobView;
import dev.anneal.cli.http.Json;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Run reports built by hand, for the writers' unit tests. */
final class Reports {

    private Reports() {}

    static RunReport completedWith(List<GateResult> gates, int exitCode) {
        JobView job = JobView.of(Jobs.json(7, "COMPLETED", "val_accuracy", "maximize", 0.9667));
        return new RunReport(
                URI.create("http://localhost:8080/api/v1/jobs/7"),
                job,
                true,
                "COMPLETED",
                List.of(entry(1, 2, 0.9667), entry(2, 0, 0.9)),
                gates,
                exitCode,
                Duration.ofSeconds(72));
    }

    static RunReport failedWith(List<GateResult> gates) {
        JobView job = JobView.of(Jobs.json(8, "FAILED", "val_accuracy", "maximize", null));
        return new RunReport(
                URI.create("http://localhost:8080/api/v1/jobs/8"),
                job,
                false,
                "FAILED: 2 trials failed and none completed",
                List.of(),
                gates,
                2,
                Duration.ofSeconds(5));
    }

    private static JsonNode entry(int rank, int trial, double value) {
        ObjectNode e = Json.MAPPER.createObjectNode();
        e.put("rank", rank).put("trialNumber", trial).put("value", value).put("epochs", 8);
        e.putObject("params").put("learningRate", 0.0123).put("optimizer", "adam|sgd");
        return e;
    }
}
