package dev.anneal.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.api.support.ApiClient;
import dev.anneal.api.support.ServerIT;
import dev.anneal.db.testing.SharedDatasets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * Jobs end to end over real HTTP: submitted, scheduled, trained by the embedded DL4J workers on
 * real data, recorded in PostgreSQL and ranked.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"anneal.worker.slots=2", "anneal.scheduler.fail-fast-after=3"})
@DirtiesContext
class JobLifecycleIT extends ServerIT {

    static final String IRIS_RANDOM = """
            { "name": "iris-mlp", "dataset": "iris", "target": "label", "task": "classification",
              "model": { "type": "mlp" },
              "searchSpace": {
                "learningRate": { "type": "float", "min": 1e-4, "max": 0.1, "log": true },
                "batchSize":    { "type": "categorical", "values": [16, 32, 64] },
                "epochs":       { "type": "int", "min": 5, "max": 30 },
                "dropout":      { "type": "float", "min": 0.0, "max": 0.5 },
                "weightDecay":  { "type": "float", "min": 1e-6, "max": 1e-2, "log": true },
                "hiddenLayers": 2,
                "units":        { "type": "int", "min": 16, "max": 256, "log": true } },
              "algorithm": { "type": "random", "seed": 42 },
              "objective": { "metric": "val_accuracy", "direction": "maximize" },
              "maxTrials": 8, "parallelism": 2 }
            """;

    @Test
    void randomSearchOnIrisCompletesAndRanksItsTrials() {
        long id = api.submit(IRIS_RANDOM);

        JsonNode job = api.awaitFinished(id, Duration.ofMinutes(4));

        assertThat(job.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(job.path("trials").path("total").asInt()).isEqualTo(8);
        assertThat(job.path("createdAt").isNull()).isFalse();
        List<JsonNode> trials =
                items(api.get("/api/v1/jobs/" + id + "/trials?size=50").json());
        assertThat(trials).hasSize(8);
        int completed = 0;
        for (JsonNode summary : trials) {
            String state = summary.path("state").asString();
            assertThat(state).isIn("COMPLETED", "FAILED");
            JsonNode trial = api.get("/api/v1/jobs/" + id + "/trials/"
                            + summary.path("number").asInt())
                    .json();
            if (state.equals("FAILED")) {
                assertThat(trial.path("failureReason").asString()).isNotBlank();
                continue;
            }
            completed++;
            int epochs = trial.path("epochsTrained").asInt();
            assertThat(trial.path("metrics").size())
                    .as("one metrics row per epoch")
                    .isEqualTo(epochs);
            assertThat(epochs).isEqualTo(trial.path("params").path("epochs").asInt());
            assertThat(trial.path("metrics").get(0).has("val_accuracy")).isTrue();
            assertThat(trial.path("preprocessing").path("trainRows").asInt()).isEqualTo(120);
        }

        List<JsonNode> board =
                list(api.get("/api/v1/jobs/" + id + "/leaderboard?limit=100").json());
        assertThat(board).hasSize(completed);
        for (int i = 1; i < board.size(); i++) {
            assertThat(board.get(i).path("value").asDouble())
                    .isLessThanOrEqualTo(board.get(i - 1).path("value").asDouble());
            assertThat(board.get(i).path("rank").asInt()).isEqualTo(i + 1);
        }
        assertThat(board.get(0).path("value").asDouble()).isGreaterThanOrEqualTo(0.93);
        assertThat(job.path("best").path("trialNumber").asInt())
                .isEqualTo(board.get(0).path("trialNumber").asInt());

        JsonNode importance = api.get("/api/v1/jobs/" + id + "/importance").json();
        assertThat(importance.path("trials").asInt()).isEqualTo(completed);
        List<String> searched = new ArrayList<>();
        double sum = 0;
        for (JsonNode p : importance.path("parameters")) {
            searched.add(p.path("name").asString());
            sum += p.path("importance").asDouble();
        }
        assertThat(searched)
                .as("every searched parameter, the fixed hiddenLayers not")
                .containsExactlyInAnyOrder("learningRate", "batchSize", "epochs", "dropout", "weightDecay", "units");
        assertThat(sum).isBetween(0.999, 1.001);
    }

    @Test
    void gridOfTwoByTwoByTwoCreatesExactlyEightDistinctTrials() {
        long id = api.submit("""
                { "dataset": "iris", "target": "label",
                  "searchSpace": {
                    "optimizer": { "type": "categorical", "values": ["adam", "sgd"] },
                    "units": { "type": "categorical", "values": [8, 16] },
                    "learningRate": { "type": "float", "min": 0.01, "max": 0.02, "step": 0.01 },
                    "epochs": 2 },
                  "algorithm": { "type": "grid" }, "parallelism": 2 }
                """);

        JsonNode job = api.awaitFinished(id, Duration.ofMinutes(3));

        assertThat(job.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(job.path("maxTrials").asInt()).isEqualTo(8);
        List<JsonNode> trials =
                items(api.get("/api/v1/jobs/" + id + "/trials?size=50").json());
        Set<String> distinct = new HashSet<>();
        trials.forEach(t -> distinct.add(t.path("params").toString()));
        assertThat(trials).hasSize(8);
        assertThat(distinct).hasSize(8);
        // declaration order, last parameter fastest: the stored spec keeps the order
        JsonNode first = trials.get(0).path("params");
        JsonNode second = trials.get(1).path("params");
        assertThat(first.path("optimizer").asString()).isEqualTo("adam");
        assertThat(first.path("units").asInt()).isEqualTo(8);
        assertThat(first.path("learningRate").asDouble()).isEqualTo(0.01);
        assertThat(second.path("learningRate").asDouble()).isEqualTo(0.02);
        assertThat(second.path("units").asInt()).isEqualTo(8);
    }

    @Test
    void sameSpecAndSeedGiveTheSameParameters() {
        String spec = """
                { "dataset": "iris", "target": "label", "maxTrials": 3, "parallelism": 3,
                  "searchSpace": { "learningRate": { "type": "float", "min": 1e-3, "max": 0.1, "log": true },
                                   "units": { "type": "int", "min": 4, "max": 64 }, "epochs": 2 },
                  "algorithm": { "type": "random", "seed": 7 } }
                """;
        long a = api.submit(spec);
        long b = api.submit(spec);
        api.awaitFinished(a, Duration.ofMinutes(2));
        api.awaitFinished(b, Duration.ofMinutes(2));

        List<String> paramsA = new ArrayList<>();
        List<String> paramsB = new ArrayList<>();
        items(api.get("/api/v1/jobs/" + a + "/trials").json())
                .forEach(t -> paramsA.add(t.path("params").toString()));
        items(api.get("/api/v1/jobs/" + b + "/trials").json())
                .forEach(t -> paramsB.add(t.path("params").toString()));
        assertThat(paramsA).hasSize(3).isEqualTo(paramsB);
    }

    @Test
    void regressionOnAnUploadedDatasetWithMissingValuesRanksByLowestError() {
        assertThat(api.upload("airquality", "airquality.csv", SharedDatasets.bytes("airquality.csv"))
                        .status())
                .isEqualTo(201);
        long id = api.submit("""
                { "dataset": "airquality", "target": "target",
                  "searchSpace": { "learningRate": { "type": "float", "min": 1e-3, "max": 3e-2, "log": true },
                                   "epochs": { "type": "int", "min": 10, "max": 30 } },
                  "maxTrials": 4, "parallelism": 2, "algorithm": { "seed": 3 } }
                """);

        JsonNode job = api.awaitFinished(id, Duration.ofMinutes(3));

        assertThat(job.path("task").asString()).isEqualTo("regression");
        assertThat(job.path("objective").path("metric").asString()).isEqualTo("val_rmse");
        assertThat(job.path("objective").path("direction").asString()).isEqualTo("minimize");
        assertThat(job.path("state").asString()).isEqualTo("COMPLETED");
        List<JsonNode> board =
                list(api.get("/api/v1/jobs/" + id + "/leaderboard").json());
        assertThat(board).isNotEmpty();
        for (int i = 1; i < board.size(); i++) {
            assertThat(board.get(i).path("value").asDouble())
                    .isGreaterThanOrEqualTo(board.get(i - 1).path("value").asDouble());
        }
        JsonNode best = api.get("/api/v1/jobs/" + id + "/trials/"
                        + board.get(0).path("trialNumber").asInt())
                .json();
        assertThat(best.path("preprocessing").path("droppedMissingTarget").asInt())
                .isEqualTo(37);
        assertThat(best.path("metrics").get(0).has("val_r2")).isTrue();
    }

    @Test
    void divergingTrialsFailWithReasonAndTheJobFailsFast() {
        long id = api.submit("""
                { "dataset": "wine", "target": "label", "maxTrials": 6, "parallelism": 2,
                  "searchSpace": { "learningRate": 10, "optimizer": "sgd", "units": 512, "epochs": 30,
                                   "momentum": 0.5 } }
                """);

        JsonNode job = api.awaitFinished(id, Duration.ofMinutes(3));

        assertThat(job.path("state").asString()).isEqualTo("FAILED");
        assertThat(job.path("stateReason").asString()).contains("failed");
        List<JsonNode> failed =
                items(api.get("/api/v1/jobs/" + id + "/trials?state=failed").json());
        assertThat(failed).hasSizeGreaterThanOrEqualTo(3);
        assertThat(failed)
                .allSatisfy(t -> assertThat(t.path("failureReason").asString()).startsWith("diverged"));
    }

    @Test
    void cancellingStopsRunningTrialsAndKeepsFinishedOnes() {
        long id = api.submit("""
                { "dataset": "digits", "target": "label", "maxTrials": 50, "parallelism": 2,
                  "searchSpace": { "epochs": 1000, "units": 64, "learningRate": 0.001 } }
                """);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofMinutes(1))
                .until(() -> api.get("/api/v1/jobs/" + id)
                                .json()
                                .path("trials")
                                .path("running")
                                .asInt()
                        > 0);

        ApiClient.Response cancelled = api.postJson("/api/v1/jobs/" + id + "/cancel", "");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("state").asString()).isEqualTo("CANCELLED");

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode counts = api.get("/api/v1/jobs/" + id).json().path("trials");
            assertThat(counts.path("running").asInt() + counts.path("queued").asInt())
                    .isZero();
            assertThat(counts.path("cancelled").asInt())
                    .isEqualTo(counts.path("total").asInt());
        });
        assertThat(api.postJson("/api/v1/jobs/" + id + "/cancel", "").status()).isEqualTo(409);
    }

    static List<JsonNode> items(JsonNode page) {
        return list(page.path("items"));
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }
}
