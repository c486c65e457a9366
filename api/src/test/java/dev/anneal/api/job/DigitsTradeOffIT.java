package dev.anneal.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.api.support.ServerIT;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * The acceptance for trade-offs on real DL4J trials: a digits MLP job maximizing
 * accuracy and minimizing the parameter count under an inference-latency bound, 40 seeded
 * {@code bayesian} trials, against the single-objective job with the same budget. The front must
 * offer real choices (at least 5 trials spanning 10× in size) and still hold a model within a
 * point of the single-objective best. One trial at a time, so each suggestion sees the same
 * history on every run: with two in flight, which finishes first changes what the sampler
 * sees, and the two jobs' bests were measured to move by half a point between runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "anneal.worker.slots=2")
@DirtiesContext
class DigitsTradeOffIT extends ServerIT {

    static String digits(String objectives) {
        return """
                { "dataset": "digits", "target": "label", "maxTrials": 40, "parallelism": 1,
                  "searchSpace": {
                    "units": { "type": "int", "min": 2, "max": 512, "log": true },
                    "hiddenLayers": { "type": "int", "min": 1, "max": 2 },
                    "learningRate": { "type": "float", "min": 1e-3, "max": 3e-2, "log": true },
                    "epochs": 15 },
                  "algorithm": { "type": "bayesian", "seed": 7 },
                  %s }
                """.formatted(objectives);
    }

    @Test
    void theFrontSpansModelSizesAndKeepsTheSingleObjectiveAccuracy() {
        long single = api.submit(digits("\"objective\": { \"metric\": \"val_accuracy\" }"));
        long tradeOff = api.submit(digits("""
                "objectives": [ { "metric": "val_accuracy" }, { "metric": "parameters" } ],
                "constraints": [ { "metric": "inference_ms", "max": 20 } ]"""));

        assertThat(api.awaitFinished(single, Duration.ofMinutes(15))
                        .path("state")
                        .asString())
                .isEqualTo("COMPLETED");
        assertThat(api.awaitFinished(tradeOff, Duration.ofMinutes(15))
                        .path("state")
                        .asString())
                .isEqualTo("COMPLETED");

        double bestSingle = api.get("/api/v1/jobs/" + single + "/leaderboard?limit=1")
                .json()
                .get(0)
                .path("value")
                .asDouble();
        JsonNode front = api.get("/api/v1/jobs/" + tradeOff + "/pareto").json();
        List<Double> parameters = new ArrayList<>();
        double bestOnFront = 0;
        StringBuilder report = new StringBuilder();
        for (JsonNode t : front) {
            parameters.add(t.path("cost").path("parameters").asDouble());
            bestOnFront = Math.max(bestOnFront, t.path("values").get(0).asDouble());
            report.append(String.format(
                    "%n  trial %d: val_accuracy %.4f, parameters %.0f, inference_ms %.3f",
                    t.path("trialNumber").asInt(),
                    t.path("values").get(0).asDouble(),
                    t.path("cost").path("parameters").asDouble(),
                    t.path("cost").path("inference_ms").asDouble()));
        }
        System.out.printf(
                "DIGITS TRADE-OFF: single-objective best %.4f; front of %d:%s%n", bestSingle, front.size(), report);

        assertThat(front.size()).as(report.toString()).isGreaterThanOrEqualTo(5);
        double smallest =
                parameters.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double largest =
                parameters.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertThat(largest / smallest).as(report.toString()).isGreaterThanOrEqualTo(10);
        assertThat(bestOnFront).as(report.toString()).isGreaterThanOrEqualTo(bestSingle - 0.01);
    }
}
