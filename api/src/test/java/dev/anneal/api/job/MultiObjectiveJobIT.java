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
                  "objectives": [ { "metric": "val_accuracy" }, { "metric": "val_loss" } ],
                  "constraints": [ { "metric": "val_accuracy", "min": 0.5 } ] }
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
        for (JsonNode row : board) {
            int number = row.path("trialNumber").asInt();
            JsonNode trial =
                    api.get("/api/v1/jobs/" + job + "/trials/" + number).json();
            JsonNode kept = trial.path("metrics").get(trial.path("bestEpoch").asInt() - 1);
            assertThat(row.path("values").get(0).asDouble())
                    .isEqualTo(kept.path("val_accuracy").asDouble());
            assertThat(row.path("values").get(1).asDouble())
                    .isEqualTo(kept.path("val_loss").asDouble());
            assertThat(row.path("constraints").get(0).asDouble())
                    .isEqualTo(0.5 - kept.path("val_accuracy").asDouble());
        }
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
}
