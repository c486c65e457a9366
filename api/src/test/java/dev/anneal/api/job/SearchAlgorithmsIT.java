package dev.anneal.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.api.support.ApiClient;
import dev.anneal.api.support.ServerIT;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/** The model-based samplers, warm starts and initial trials, through real jobs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "anneal.worker.slots=2")
@DirtiesContext
class SearchAlgorithmsIT extends ServerIT {

    @Test
    void bayesianSearchOnDigitsReaches97PercentWithin30Trials() {
        long id = api.submit("""
                { "dataset": "digits", "target": "label", "maxTrials": 30, "parallelism": 2,
                  "searchSpace": {
                    "learningRate": { "type": "float", "min": 1e-4, "max": 3e-2, "log": true },
                    "units": { "type": "int", "min": 16, "max": 256, "log": true },
                    "epochs": { "type": "int", "min": 5, "max": 25 },
                    "dropout": { "type": "float", "min": 0.0, "max": 0.5 },
                    "weightDecay": { "type": "float", "min": 1e-6, "max": 1e-2, "log": true } },
                  "algorithm": { "type": "bayesian", "seed": 5 } }
                """);

        JsonNode job = api.awaitFinished(id, Duration.ofMinutes(8));

        assertThat(job.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(job.path("trials").path("total").asInt()).isEqualTo(30);
        assertThat(job.path("best").path("value").asDouble()).isGreaterThanOrEqualTo(0.97);
    }

    @Test
    void initialTrialsRunFirstWithExactlyTheGivenParameters() {
        long id = api.submit("""
                { "dataset": "iris", "target": "label", "maxTrials": 4, "parallelism": 2,
                  "searchSpace": { "learningRate": { "type": "float", "min": 1e-3, "max": 1e-1, "log": true },
                                   "optimizer": { "type": "categorical", "values": ["adam", "sgd"] }, "epochs": 2 },
                  "algorithm": { "type": "sobol", "seed": 1 },
                  "initialTrials": [ { "learningRate": 0.01, "optimizer": "sgd" },
                                     { "learningRate": 0.05, "optimizer": "adam", "epochs": 2 } ] }
                """);

        api.awaitFinished(id, Duration.ofMinutes(2));

        JsonNode first = api.get("/api/v1/jobs/" + id + "/trials/0").json().path("params");
        JsonNode second = api.get("/api/v1/jobs/" + id + "/trials/1").json().path("params");
        assertThat(first.path("learningRate").asDouble()).isEqualTo(0.01);
        assertThat(first.path("optimizer").asString()).isEqualTo("sgd");
        assertThat(first.path("epochs").asInt()).isEqualTo(2);
        assertThat(second.path("learningRate").asDouble()).isEqualTo(0.05);
        assertThat(api.get("/api/v1/jobs/" + id)
                        .json()
                        .path("spec")
                        .path("initialTrials")
                        .size())
                .isEqualTo(2);
    }

    @Test
    void warmStartFromAnEarlierJobSeedsTheModel() {
        String space = """
                "searchSpace": { "learningRate": { "type": "float", "min": 1e-3, "max": 1e-1, "log": true },
                                 "units": { "type": "int", "min": 4, "max": 64 }, "epochs": 3 }
                """;
        long earlier =
                api.submit("{ \"dataset\": \"iris\", \"target\": \"label\", \"maxTrials\": 12, \"parallelism\": 2, "
                        + space + ", \"algorithm\": { \"type\": \"random\", \"seed\": 3 } }");
        api.awaitFinished(earlier, Duration.ofMinutes(2));

        long cold = api.submit("{ \"dataset\": \"iris\", \"target\": \"label\", \"maxTrials\": 1, \"parallelism\": 1, "
                + space + ", \"algorithm\": { \"type\": \"bayesian\", \"seed\": 8 } }");
        long warm = api.submit("{ \"dataset\": \"iris\", \"target\": \"label\", \"maxTrials\": 1, \"parallelism\": 1, "
                + space + ", \"algorithm\": { \"type\": \"bayesian\", \"seed\": 8 }, \"warmStartFrom\": [" + earlier
                + "] }");
        api.awaitFinished(cold, Duration.ofMinutes(2));
        api.awaitFinished(warm, Duration.ofMinutes(2));

        // without a history, trial 0 is the first point of the seeded Sobol design; with twelve
        // earlier results it is already chosen by the Gaussian process
        JsonNode coldParams =
                api.get("/api/v1/jobs/" + cold + "/trials/0").json().path("params");
        JsonNode warmParams =
                api.get("/api/v1/jobs/" + warm + "/trials/0").json().path("params");
        assertThat(warmParams).isNotEqualTo(coldParams);
        assertThat(api.get("/api/v1/jobs/" + warm)
                        .json()
                        .path("spec")
                        .path("warmStartFrom")
                        .get(0)
                        .asLong())
                .isEqualTo(earlier);
    }

    @Test
    void warmStartsAndInitialTrialsAreValidated() {
        long earlier = api.submit("""
                { "dataset": "iris", "target": "label", "maxTrials": 1, "searchSpace": { "epochs": 1 },
                  "objective": { "metric": "val_loss" } }
                """);
        ApiClient.Response response = api.postJson("/api/v1/jobs", """
                { "dataset": "iris", "target": "label", "maxTrials": 2,
                  "searchSpace": { "learningRate": { "type": "float", "min": 1e-3, "max": 1e-1 } },
                  "warmStartFrom": [424242, %d],
                  "initialTrials": [ { "learningRate": 5 }, { "units": 3 }, {} ] }
                """.formatted(earlier));

        assertThat(response.status()).isEqualTo(400);
        List<String> errors = new java.util.ArrayList<>();
        response.json()
                .path("errors")
                .forEach(e -> errors.add(
                        e.path("field").asString() + ": " + e.path("message").asString()));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("warmStartFrom: no job has id 424242"));
        assertThat(errors)
                .anySatisfy(e -> assertThat(e).startsWith("warmStartFrom: job " + earlier + " optimizes val_loss"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("initialTrials: must be an array of at most 2"));
    }

    @Test
    void initialTrialsOutsideTheSpaceAreRejected() {
        ApiClient.Response response = api.postJson("/api/v1/jobs", """
                { "dataset": "iris", "target": "label", "maxTrials": 5,
                  "searchSpace": { "learningRate": { "type": "float", "min": 1e-3, "max": 1e-1 }, "epochs": 2 },
                  "initialTrials": [ { "learningRate": 5 }, { "units": 3 }, {} ] }
                """);

        assertThat(response.status()).isEqualTo(400);
        List<String> fields = new java.util.ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        assertThat(fields)
                .contains("initialTrials[0].learningRate", "initialTrials[1].units", "initialTrials[2].learningRate");
    }
}
