package dev.anneal.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.api.support.ServerIT;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * A DL4J job with two objectives and a constraint, trained by real workers on the digits
 * dataset: every trial stores both objectives read at its kept epoch and its constraint value,
 * and the leaderboard and the front follow the stored Pareto ranks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "anneal.worker.slots=2")
@DirtiesContext
class MultiObjectiveJobIT extends ServerIT {

    @Test
    void trialsCarryEveryObjectiveAtTheKeptEpochAndTheFrontIsNonDominated() {
        long job = api.submit("""
                { "dataset": "digits", "target": "label", "maxTrials": 6, "parallelism": 2,
                  "searchSpace": {
                    "learningRate": { "type": "float", "min": 1e-4, "max": 3e-2, "log": true },
                    "units": { "type": "int", "min": 8, "max": 128, "log": true },
                    "epochs": 4 },
                  "algorithm": { "type": "bayesian", "seed": 5 },
                  "objectives": [ { "metric": "val_accuracy" }, { "metric": "parameters" } ],
                  "constraints": [ { "metric": "val_accuracy", "min": 0.5 }, { "metric": "inference_ms", "max": 1000 } ] }
                """);

        JsonNode finished = api.awaitFinished(job, Duration.ofMinutes(8));
        assertThat(finished.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(finished.path("spec").path("objectives")).hasSize(2);
        assertThat(finished.path("spec")
                        .path("objectives")
                        .get(1)
                        .path("direction")
                        .asString())
                .isEqualTo("minimize");

        JsonNode board =
                api.get("/api/v1/jobs/" + job + "/leaderboard?limit=10").json();
        assertThat(board).hasSize(6);
        java.util.TreeMap<Integer, Double> unitsToParameters = new java.util.TreeMap<>();
        for (JsonNode row : board) {
            int number = row.path("trialNumber").asInt();
            JsonNode trial =
                    api.get("/api/v1/jobs/" + job + "/trials/" + number).json();
            JsonNode kept = trial.path("metrics").get(trial.path("bestEpoch").asInt() - 1);
            assertThat(row.path("values").get(0).asDouble())
                    .isEqualTo(kept.path("val_accuracy").asDouble());
            JsonNode cost = row.path("cost");
            assertThat(row.path("values").get(1).asDouble())
                    .isEqualTo(cost.path("parameters").asDouble());
            assertThat(cost.path("model_bytes").asDouble())
                    .isGreaterThan(cost.path("parameters").asDouble());
            assertThat(cost.path("inference_ms").asDouble()).isPositive().isLessThan(1000);
            assertThat(cost.path("train_seconds").asDouble()).isPositive();
            assertThat(row.path("constraints").get(0).asDouble())
                    .isEqualTo(0.5 - kept.path("val_accuracy").asDouble());
            assertThat(row.path("constraints").get(1).asDouble())
                    .isEqualTo(cost.path("inference_ms").asDouble() - 1000);
            unitsToParameters.put(
                    row.path("params").path("units").asInt(),
                    cost.path("parameters").asDouble());
        }
        // wider networks have more parameters: the count is the network's, not a constant
        assertThat(new java.util.ArrayList<>(unitsToParameters.values()))
                .isSorted()
                .doesNotHaveDuplicates();
        JsonNode front = api.get("/api/v1/jobs/" + job + "/pareto").json();
        assertThat(front).isNotEmpty();
        for (JsonNode a : front) {
            for (JsonNode b : board) {
                boolean dominates = b.path("feasible").asBoolean()
                        && b.path("values").get(0).asDouble()
                                >= a.path("values").get(0).asDouble()
                        && b.path("values").get(1).asDouble()
                                <= a.path("values").get(1).asDouble()
                        && (b.path("values").get(0).asDouble()
                                        > a.path("values").get(0).asDouble()
                                || b.path("values").get(1).asDouble()
                                        < a.path("values").get(1).asDouble());
                assertThat(dominates)
                        .as("trial %s dominates front trial %s", b, a)
                        .isFalse();
            }
        }
    }

    @Test
    void costMetricsCannotPickTheKeptEpochAndExistOnlyForSupervisedJobs() {
        String digits = """
                { "dataset": "digits", "target": "label", "maxTrials": 2,
                  "searchSpace": { "units": { "type": "int", "min": 8, "max": 64 } }, %s }""";
        var first = api.postJson("/api/v1/jobs", digits.formatted("\"objective\": { \"metric\": \"parameters\" }"));
        assertThat(first.status()).as(first.text()).isEqualTo(400);
        assertThat(first.fieldErrors())
                .anySatisfy(e -> assertThat(e).startsWith("objective.metric: ").contains("kept epoch"));

        var gan = api.postJson("/api/v1/jobs", """
                { "dataset": "iris", "model": { "type": "gan" }, "maxTrials": 2,
                  "searchSpace": { "units": { "type": "int", "min": 8, "max": 64 } },
                  "constraints": [ { "metric": "inference_ms", "max": 2 } ] }""");
        assertThat(gan.status()).as(gan.text()).isEqualTo(400);
        assertThat(gan.fieldErrors()).anySatisfy(e -> assertThat(e).startsWith("constraints[0].metric: "));
    }
}
