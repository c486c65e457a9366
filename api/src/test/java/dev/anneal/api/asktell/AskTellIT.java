package dev.anneal.api.asktell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.anneal.api.support.ApiClient;
import dev.anneal.api.support.ServerIT;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/** Ask/tell for external jobs over real HTTP, against real PostgreSQL, with no DL4J workers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "anneal.worker.slots=0")
@DirtiesContext
class AskTellIT extends ServerIT {

    @Autowired
    JdbcClient jdbc;

    static String external(String direction, int maxTrials, String algorithm, String space) {
        return """
                { "execution": "external", "name": "quadratic",
                  "searchSpace": %s,
                  "algorithm": { "type": "%s", "seed": 7 },
                  "objective": { "metric": "loss", "direction": "%s" },
                  "maxTrials": %d, "parallelism": 1 }
                """.formatted(space, algorithm, direction, maxTrials);
    }

    static final String SPACE = """
            { "x": { "type": "float", "min": -5, "max": 5 },
              "layers": { "type": "int", "min": 1, "max": 4 },
              "booster": { "type": "categorical", "values": ["gbtree", "dart"] },
              "seed": 3 }
            """;

    long submit(String direction, int maxTrials) {
        return api.submit(external(direction, maxTrials, "random", SPACE));
    }

    ApiClient.Response ask(long job, String body) {
        return body == null
                ? api.post("/api/v1/jobs/" + job + "/trials/ask", "application/json", "")
                : api.postJson("/api/v1/jobs/" + job + "/trials/ask", body);
    }

    ApiClient.Response tell(long job, int number, String body) {
        return api.postJson("/api/v1/jobs/" + job + "/trials/" + number + "/tell", body);
    }

    ApiClient.Response report(long job, int number, String body) {
        return api.postJson("/api/v1/jobs/" + job + "/trials/" + number + "/report", body);
    }

    @Test
    void anAskStartsANewTrialWithParametersInsideTheSpace() {
        long job = submit("minimize", 5);

        ApiClient.Response asked = ask(job, null);

        assertThat(asked.status()).as(asked.text()).isEqualTo(201);
        assertThat(asked.headers().getLocation().getPath()).isEqualTo("/api/v1/jobs/" + job + "/trials/0");
        JsonNode params = asked.json().path("params");
        assertThat(asked.json().path("number").asInt()).isZero();
        assertThat(params.path("x").asDouble()).isBetween(-5.0, 5.0);
        assertThat(params.path("layers").isIntegralNumber()).isTrue();
        assertThat(params.path("layers").asInt()).isBetween(1, 4);
        assertThat(params.path("booster").asString()).isIn("gbtree", "dart");
        assertThat(params.path("seed").asInt()).isEqualTo(3);

        JsonNode trial = api.get("/api/v1/jobs/" + job + "/trials/0").json();
        assertThat(trial.path("state").asString()).isEqualTo("RUNNING");
        assertThat(trial.path("params")).isEqualTo(params);
        assertThat(trial.path("expiresAt").asString()).isNotBlank();
        assertThat(trial.has("workerId")).isFalse();
        JsonNode jobJson = api.get("/api/v1/jobs/" + job).json();
        assertThat(jobJson.path("state").asString()).isEqualTo("RUNNING");
        assertThat(jobJson.path("execution").asString()).isEqualTo("external");
        assertThat(jobJson.path("dataset").isNull()).isTrue();
        assertThat(jobJson.path("trials").path("running").asInt()).isEqualTo(1);

        long twin = submit("minimize", 5);
        assertThat(ask(twin, null).json().path("params"))
                .as("the same spec and seed give the same parameters per trial number")
                .isEqualTo(params);
    }

    @Test
    void theSchedulerStartsAnExternalJobButCreatesNoTrials() {
        long job = submit("minimize", 5);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/api/v1/jobs/" + job).json().path("state").asString(), "RUNNING"::equals);
        // the scheduler passes every second and at once on events: give it a few passes
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4)).until(() -> trialCount(job) == 0);
    }

    @Test
    void aClientThatHoldsARunningTrialGetsItBack() {
        long job = submit("minimize", 5);

        ApiClient.Response first = ask(job, "{ \"clientId\": \"worker-1\" }");
        ApiClient.Response again = ask(job, "{ \"clientId\": \"worker-1\" }");
        ApiClient.Response other = ask(job, "{ \"clientId\": \"worker-2\" }");
        ApiClient.Response anonymous = ask(job, "{}");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(other.status()).isEqualTo(201);
        assertThat(other.json().path("number").asInt()).isEqualTo(1);
        assertThat(anonymous.json().path("number").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/jobs/" + job + "/trials/0")
                        .json()
                        .path("clientId")
                        .asString())
                .isEqualTo("worker-1");

        tell(job, 0, "{ \"value\": 1.5 }");
        assertThat(ask(job, "{ \"clientId\": \"worker-1\" }")
                        .json()
                        .path("number")
                        .asInt())
                .as("once told, the client gets a new trial")
                .isEqualTo(3);
    }

    @Test
    void asksBeyondMaxTrialsAre409ButParallelismDoesNotLimitThem() {
        long job = submit("minimize", 3);

        for (int n = 0; n < 3; n++) {
            assertThat(ask(job, null).status()).isEqualTo(201);
        }
        ApiClient.Response refused = ask(job, null);

        assertProblem(refused, 409, "max-trials-reached");
        assertThat(trialCount(job)).isEqualTo(3);
    }

    @Test
    void aTrialIsToldOnce() {
        long job = submit("minimize", 5);
        ask(job, null);

        ApiClient.Response told = tell(job, 0, "{ \"value\": 0.25 }");

        assertThat(told.status()).as(told.text()).isEqualTo(200);
        assertThat(told.json().path("state").asString()).isEqualTo("COMPLETED");
        assertThat(told.json().path("value").asDouble()).isEqualTo(0.25);
        assertThat(told.json().has("expiresAt")).isFalse();
        assertProblem(tell(job, 0, "{ \"value\": 0.1 }"), 409, "trial-already-finished");
        assertProblem(tell(job, 0, "{ \"state\": \"FAILED\" }"), 409, "trial-already-finished");
        assertThat(api.get("/api/v1/jobs/" + job + "/trials/0")
                        .json()
                        .path("value")
                        .asDouble())
                .isEqualTo(0.25);
    }

    @Test
    void unknownTrialsAndJobsAre404() {
        long job = submit("minimize", 5);
        ask(job, null);

        assertProblem(tell(job, 7, "{ \"value\": 1 }"), 404, "trial-not-found");
        assertProblem(report(job, 7, "{ \"step\": 0, \"value\": 1 }"), 404, "trial-not-found");
        assertProblem(tell(424242, 0, "{ \"value\": 1 }"), 404, "job-not-found");
        assertProblem(ask(424242, null), 404, "job-not-found");
        assertProblem(
                api.postJson("/api/v1/jobs/" + job + "/trials/x/tell", "{ \"value\": 1 }"), 400, "invalid-request");
    }

    static Stream<Arguments> badTells() {
        return Stream.of(
                Arguments.of("{ \"value\": \"0.5\" }", "value", "must be a number"),
                Arguments.of("{ \"value\": 1e999 }", "value", "must be a finite number"),
                Arguments.of("{ \"value\": -1e999 }", "value", "must be a finite number"),
                Arguments.of("{ \"value\": null }", "value", "is required"),
                Arguments.of("{}", "value", "is required"),
                Arguments.of("{ \"state\": \"COMPLETED\" }", "value", "is required"),
                Arguments.of("{ \"state\": \"FAILED\", \"value\": 1 }", "value", "must be absent when state is FAILED"),
                Arguments.of("{ \"state\": \"PRUNED\" }", "state", "must be one of [completed, failed]"),
                Arguments.of("{ \"value\": 1, \"error\": \"x\" }", "error", "is only for state FAILED"),
                Arguments.of("{ \"valeu\": 1 }", "valeu", "is not a known field"),
                Arguments.of("[1]", "", "must be a JSON object"),
                Arguments.of("0.5", "", "must be a JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTells")
    void badTellsAre400NamingTheFieldAndChangeNothing(String body, String field, String message) {
        long job = submit("minimize", 5);
        ask(job, null);

        ApiClient.Response response = tell(job, 0, body);

        assertFieldProblem(response, field, message);
        assertThat(trialState(job, 0)).isEqualTo("RUNNING");
    }

    @Test
    void unreadableTellsAre400Or415AndChangeNothing() {
        long job = submit("minimize", 5);
        ask(job, null);
        String path = "/api/v1/jobs/" + job + "/trials/0/tell";

        assertProblem(api.postJson(path, "{ \"value\": "), 400, "malformed-json");
        assertProblem(api.postJson(path, "{ \"value\": NaN }"), 400, "malformed-json");
        assertProblem(api.postJson(path, ""), 400, "malformed-json");
        ApiClient.Response text = api.post(path, "text/plain", "0.5");
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.contentType()).startsWith("application/problem+json");
        assertThat(trialState(job, 0)).isEqualTo("RUNNING");
    }

    @Test
    void aFailedTellFailsTheTrialWithTheClientsReason() {
        long job = submit("minimize", 5);
        ask(job, null);
        ask(job, null);

        ApiClient.Response failed = tell(job, 0, "{ \"state\": \"FAILED\", \"error\": \"CUDA out of memory\" }");
        ApiClient.Response silent = tell(job, 1, "{ \"state\": \"failed\" }");

        assertThat(failed.status()).as(failed.text()).isEqualTo(200);
        assertThat(failed.json().path("state").asString()).isEqualTo("FAILED");
        assertThat(failed.json().path("failureReason").asString()).isEqualTo("CUDA out of memory");
        assertThat(silent.json().path("failureReason").asString()).isEqualTo("failed: the client gave no reason");
        assertThat(api.get("/api/v1/jobs/" + job + "/leaderboard").json().size())
                .isZero();
    }

    @Test
    void reportsBuildTheTrialsCurveAndWithoutAPrunerNeverPrune() {
        long job = submit("minimize", 5);
        ask(job, null);

        for (int step = 0; step < 3; step++) {
            ApiClient.Response r = report(job, 0, "{ \"step\": " + step + ", \"value\": " + (1.0 / (step + 1)) + " }");
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(r.json().path("prune").isBoolean()).isTrue();
            assertThat(r.json().path("prune").asBoolean()).isFalse();
        }

        JsonNode trial = api.get("/api/v1/jobs/" + job + "/trials/0").json();
        JsonNode curve = trial.path("metrics");
        assertThat(curve.size()).isEqualTo(3);
        assertThat(curve.get(0).path("step").asInt()).isZero();
        assertThat(curve.get(0).path("loss").asDouble()).isEqualTo(1.0);
        assertThat(curve.get(2).path("step").asInt()).isEqualTo(2);
        assertThat(curve.get(2).path("loss").asDouble()).isEqualTo(1.0 / 3);
        assertThat(curve.get(2).path("recordedAt").asString()).isNotBlank();
        assertThat(trial.path("epochsTrained").asInt()).as("highest step").isEqualTo(2);

        assertFieldProblem(report(job, 0, "{ \"step\": -1, \"value\": 1 }"), "step", "must be between 0");
        assertFieldProblem(report(job, 0, "{ \"step\": 1.5, \"value\": 1 }"), "step", "must be an integer");
        assertFieldProblem(report(job, 0, "{ \"step\": 3 }"), "value", "is required");
        assertFieldProblem(report(job, 0, "{ \"step\": 3, \"value\": 1e999 }"), "value", "must be a finite number");
        assertThat(api.get("/api/v1/jobs/" + job + "/trials/0")
                        .json()
                        .path("metrics")
                        .size())
                .isEqualTo(3);

        tell(job, 0, "{ \"value\": 0.3 }");
        assertProblem(report(job, 0, "{ \"step\": 3, \"value\": 0.2 }"), 409, "trial-already-finished");
    }

    @Test
    void anAshaPrunerStopsATrialAtReportTimeAndItsLaterTellIsRefused() {
        String spec = external("maximize", 3, "random", SPACE)
                .replace("\"maxTrials\"", "\"pruner\": { \"type\": \"asha\", \"reductionFactor\": 2 }, \"maxTrials\"");
        long job = api.submit(spec);
        assertThat(api.get("/api/v1/jobs/" + job)
                        .json()
                        .path("spec")
                        .path("pruner")
                        .toString())
                .isEqualTo("{\"type\":\"asha\",\"minEpochs\":1,\"reductionFactor\":2}");
        ask(job, null);
        ask(job, null);
        ask(job, null);

        // step 0 is below the first rung (minEpochs 1): no judgement, nothing recorded
        assertThat(report(job, 0, "{ \"step\": 0, \"value\": 0.5 }").json().toString())
                .isEqualTo("{\"prune\":false}");
        JsonNode first = report(job, 0, "{ \"step\": 1, \"value\": 0.8 }").json();
        assertThat(first.path("prune").asBoolean()).isFalse();
        assertThat(first.path("reason").asString())
                .isEqualTo("asha rung 0 (epoch 1): 0.8 within top-1/2 cutoff 0.8 of 1 trials, promoted");
        tell(job, 0, "{ \"value\": 0.2 }");

        JsonNode second = report(job, 1, "{ \"step\": 1, \"value\": 0.3 }").json();
        assertThat(second.path("prune").asBoolean()).isTrue();
        assertThat(second.path("reason").asString())
                .isEqualTo("asha rung 0 (epoch 1): 0.3 below top-1/2 cutoff 0.8 of 2 trials");

        ApiClient.Response lateTell = tell(job, 1, "{ \"value\": 0.99 }");
        assertProblem(lateTell, 409, "trial-already-finished");
        assertThat(lateTell.json().path("state").asString()).isEqualTo("PRUNED");
        assertThat(lateTell.json().path("detail").asString()).contains("asha rung 0");
        assertProblem(report(job, 1, "{ \"step\": 2, \"value\": 0.9 }"), 409, "trial-already-finished");

        JsonNode pruned = api.get("/api/v1/jobs/" + job + "/trials/1").json();
        assertThat(pruned.path("state").asString()).isEqualTo("PRUNED");
        assertThat(pruned.path("value").asDouble()).isEqualTo(0.3);
        assertThat(pruned.path("pruneReason").asString()).startsWith("asha rung 0 (epoch 1): 0.3 below");
        assertThat(pruned.path("metrics").get(0).path("pruning").asString()).startsWith("asha rung 0");
        assertThat(api.get("/api/v1/jobs/" + job + "/trials/0")
                        .json()
                        .path("metrics")
                        .get(1)
                        .path("pruning")
                        .asString())
                .endsWith("promoted");

        // a pruned trial with a better last value still ranks below every completed trial
        JsonNode third = report(job, 2, "{ \"step\": 1, \"value\": 0.1 }").json();
        assertThat(third.path("prune").asBoolean()).isTrue();
        List<String> ranked = new ArrayList<>();
        api.get("/api/v1/jobs/" + job + "/leaderboard")
                .json()
                .forEach(e -> ranked.add(
                        e.path("trialNumber").asInt() + " " + e.path("state").asString()));
        assertThat(ranked).containsExactly("0 COMPLETED", "1 PRUNED", "2 PRUNED");
        JsonNode finished = api.get("/api/v1/jobs/" + job).json();
        assertThat(finished.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(finished.path("trials").path("pruned").asInt()).isEqualTo(2);
        assertThat(finished.path("stateReason").asString()).isEqualTo("1 trial(s) completed, 2 pruned, 0 failed");
    }

    @Test
    void theJobCompletesWithItsLastTellAndTheLeaderboardRanksByDirection() {
        long job = submit("maximize", 4);
        for (int n = 0; n < 4; n++) {
            ask(job, null);
        }

        tell(job, 2, "{ \"value\": 0.5 }");
        tell(job, 0, "{ \"value\": 0.2 }");
        tell(job, 3, "{ \"state\": \"FAILED\", \"error\": \"diverged\" }");
        assertThat(api.get("/api/v1/jobs/" + job).json().path("state").asString())
                .isEqualTo("RUNNING");
        tell(job, 1, "{ \"value\": 0.9 }");

        JsonNode finished = api.get("/api/v1/jobs/" + job).json();
        assertThat(finished.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(finished.path("trials").path("completed").asInt()).isEqualTo(3);
        assertThat(finished.path("trials").path("failed").asInt()).isEqualTo(1);
        assertThat(finished.path("best").path("trialNumber").asInt()).isEqualTo(1);
        List<Integer> ranked = new ArrayList<>();
        api.get("/api/v1/jobs/" + job + "/leaderboard")
                .json()
                .forEach(e -> ranked.add(e.path("trialNumber").asInt()));
        assertThat(ranked).containsExactly(1, 2, 0);
        assertProblem(ask(job, null), 409, "job-already-finished");

        long minimize = submit("minimize", 2);
        ask(minimize, null);
        ask(minimize, null);
        tell(minimize, 0, "{ \"value\": 0.9 }");
        tell(minimize, 1, "{ \"value\": 0.2 }");
        List<Integer> lowFirst = new ArrayList<>();
        api.get("/api/v1/jobs/" + minimize + "/leaderboard")
                .json()
                .forEach(e -> lowFirst.add(e.path("trialNumber").asInt()));
        assertThat(lowFirst).containsExactly(1, 0);
    }

    @Test
    void aJobWhoseTrialsAllFailEndsFailed() {
        long job = submit("minimize", 2);
        ask(job, null);
        ask(job, null);

        tell(job, 0, "{ \"state\": \"FAILED\" }");
        tell(job, 1, "{ \"state\": \"FAILED\" }");

        assertThat(api.get("/api/v1/jobs/" + job).json().path("state").asString())
                .isEqualTo("FAILED");
    }

    @Test
    void gridAsksWithPendingTrialsGetDistinctPoints() {
        long job = api.submit(external(
                "minimize",
                100,
                "grid",
                "{ \"a\": { \"type\": \"categorical\", \"values\": [1, 2] },"
                        + " \"b\": { \"type\": \"float\", \"min\": 0, \"max\": 1, \"step\": 0.5 } }"));

        Set<JsonNode> points = new HashSet<>();
        for (int n = 0; n < 6; n++) {
            ApiClient.Response asked = ask(job, null);
            assertThat(asked.status()).isEqualTo(201);
            points.add(asked.json().path("params"));
        }

        assertThat(points).hasSize(6);
        assertThat(api.get("/api/v1/jobs/" + job).json().path("maxTrials").asInt())
                .as("a grid's size caps maxTrials")
                .isEqualTo(6);
        assertProblem(ask(job, null), 409, "max-trials-reached");
    }

    @Test
    void concurrentAsksNumberTrialsWithoutGapsOrDuplicates() throws Exception {
        long job = submit("minimize", 40);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Integer> numbers = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        for (int t = 0; t < 8; t++) {
            pool.submit(() -> {
                start.await();
                for (int i = 0; i < 6; i++) {
                    ApiClient.Response r = ask(job, null);
                    statuses.add(r.status());
                    if (r.status() == 201) {
                        numbers.add(r.json().path("number").asInt());
                    }
                }
                return null;
            });
        }
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(numbers).hasSize(40).doesNotHaveDuplicates().allMatch(n -> n >= 0 && n < 40);
        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 409).hasSize(8);
    }

    @Test
    void askTellIsOnlyForExternalJobs() {
        long dl4j = api.submit("{ \"dataset\": \"iris\", \"target\": \"label\", \"searchSpace\": { \"epochs\": 1 } }");
        await().atMost(Duration.ofSeconds(10)).until(() -> trialCount(dl4j) > 0);

        assertProblem(ask(dl4j, null), 409, "not-an-external-job");
        assertProblem(tell(dl4j, 0, "{ \"value\": 1 }"), 409, "not-an-external-job");
        assertProblem(report(dl4j, 0, "{ \"step\": 0, \"value\": 1 }"), 409, "not-an-external-job");
        assertThat(trialState(dl4j, 0)).isEqualTo("QUEUED");
    }

    @Test
    void cancellingAnExternalJobCancelsItsRunningTrials() {
        long job = submit("minimize", 5);
        ask(job, null);
        ask(job, null);
        tell(job, 1, "{ \"value\": 3 }");

        ApiClient.Response cancelled = api.postJson("/api/v1/jobs/" + job + "/cancel", "");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("state").asString()).isEqualTo("CANCELLED");
        assertThat(trialState(job, 0)).isEqualTo("CANCELLED");
        assertThat(trialState(job, 1)).isEqualTo("COMPLETED");
        assertProblem(tell(job, 0, "{ \"value\": 1 }"), 409, "trial-already-finished");
        assertProblem(ask(job, null), 409, "job-already-finished");
        assertThat(api.get("/api/v1/jobs/" + job + "/leaderboard").json().size())
                .isEqualTo(1);
    }

    static Stream<Arguments> badAsks() {
        return Stream.of(
                Arguments.of("{ \"clientId\": \"\" }", "clientId", "must not be blank"),
                Arguments.of("{ \"clientId\": 17 }", "clientId", "must be a string"),
                Arguments.of("{ \"clientId\": \"" + "c".repeat(201) + "\" }", "clientId", "at most 200 characters"),
                Arguments.of("{ \"client\": \"a\" }", "client", "is not a known field"),
                Arguments.of("[]", "", "must be a JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAsks")
    void badAsksAre400NamingTheFieldAndWriteNothing(String body, String field, String message) {
        long job = submit("minimize", 5);

        assertFieldProblem(ask(job, body), field, message);
        assertThat(trialCount(job)).isZero();
    }

    private long trialCount(long job) {
        return jdbc.sql("select count(*) from trial where job_id = :job")
                .param("job", job)
                .query(Long.class)
                .single();
    }

    private String trialState(long job, int number) {
        return jdbc.sql("select state from trial where job_id = :job and number = :n")
                .param("job", job)
                .param("n", number)
                .query(String.class)
                .single();
    }

    static void assertProblem(ApiClient.Response response, int status, String type) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).isEqualTo("https://anneal.dev/problems/" + type);
    }

    static void assertFieldProblem(ApiClient.Response response, String field, String message) {
        assertProblem(response, 400, "invalid-request");
        assertThat(response.fieldErrors())
                .as(response.text())
                .anySatisfy(e -> assertThat(e).startsWith(field + ": ").contains(message));
    }
}
