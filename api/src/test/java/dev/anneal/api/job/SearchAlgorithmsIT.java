package dev.anneal.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.api.support.ApiClient;
import dev.anneal.api.support.ServerIT;
import dev.anneal.db.job.JobEntity;
import dev.anneal.db.job.JobRepository;
import dev.anneal.db.trial.TrialEntity;
import dev.anneal.db.trial.TrialRepository;
import dev.anneal.db.trial.TrialState;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.JobSpecJson;
import dev.anneal.spec.ParamValues;
import dev.anneal.tuner.sampler.Samplers;
import dev.anneal.tuner.sampler.TrialSeeds;
import dev.anneal.tuner.space.SearchSpace;
import dev.anneal.tuner.study.StudyView;
import dev.anneal.tuner.study.TrialView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The model-based samplers, warm starts and initial trials, through real jobs. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "anneal.worker.slots=2")
@DirtiesContext
class SearchAlgorithmsIT extends ServerIT {

    @Autowired
    JobRepository jobs;

    @Autowired
    TrialRepository trials;

    @Autowired
    JsonMapper json;

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

        // Trial 0 of each job must be exactly what the job's sampler proposes given the earlier
        // job's results (warm) or nothing (cold, the first point of the seeded Sobol design).
        // Skipping the warm start would make warm's trial 0 the Sobol point; seeding the model
        // with other results (another job's, or none of them) would move it elsewhere.
        List<TrialView> earlierResults = new java.util.ArrayList<>();
        for (TrialEntity t :
                trials.findByJobIdInAndStateOrderByJobIdAscNumberAsc(List.of(earlier), TrialState.COMPLETED)) {
            earlierResults.add(new TrialView(
                    -1 - earlierResults.size(),
                    TrialView.Status.COMPLETE,
                    storedParams(t),
                    OptionalDouble.of(t.getValue())));
        }
        assertThat(earlierResults).hasSize(12);
        Map<String, Object> modelSeeded = firstSuggestion(warm, earlierResults);
        Map<String, Object> sobol = firstSuggestion(cold, List.of());
        assertThat(modelSeeded).isNotEqualTo(sobol);
        assertThat(storedParams(trials.findByJobIdOrderByNumber(cold).get(0))).isEqualTo(sobol);
        assertThat(storedParams(trials.findByJobIdOrderByNumber(warm).get(0)))
                .as("warm-started trial 0 is the model's choice given the earlier job's 12 results")
                .isEqualTo(modelSeeded);
        assertThat(api.get("/api/v1/jobs/" + warm)
                        .json()
                        .path("spec")
                        .path("warmStartFrom")
                        .get(0)
                        .asLong())
                .isEqualTo(earlier);
    }

    /** What the job's own sampler proposes for trial 0, given {@code history}. */
    private Map<String, Object> firstSuggestion(long jobId, List<TrialView> history) {
        JobEntity job = jobs.findById(jobId).orElseThrow();
        JobSpec spec = JobSpecJson.read(job.getSpec());
        SearchSpace space = spec.searchSpace();
        long seed = spec.algorithm().seed();
        return Samplers.create(job.getAlgorithm(), space, seed)
                .sample(new StudyView(space, job.getDirection(), history), 0, TrialSeeds.forTrial(seed, 0))
                .orElseThrow();
    }

    private Map<String, Object> storedParams(TrialEntity trial) {
        return ParamValues.params(json.readTree(trial.getParams()));
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
