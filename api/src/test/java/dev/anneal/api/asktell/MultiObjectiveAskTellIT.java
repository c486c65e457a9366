package dev.anneal.api.asktell;

import static dev.anneal.api.asktell.AskTellIT.assertFieldProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.api.support.ApiClient;
import dev.anneal.api.support.ServerIT;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

/**
 * Jobs with several objectives and constraints through ask/tell over real HTTP and PostgreSQL:
 * told vectors, the Pareto ranking stored at each completion, the front endpoint, the samplers
 * seeing the vectors, and the 400s of bad specs and bad tells.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "anneal.worker.slots=0")
@DirtiesContext
class MultiObjectiveAskTellIT extends ServerIT {

    @Autowired
    JdbcClient jdbc;

    static String job(String algorithm, int maxTrials, String constraints) {
        return """
                { "execution": "external", "name": "trade-off",
                  "searchSpace": { "x": { "type": "float", "min": 0, "max": 1 },
                                   "y": { "type": "float", "min": 0, "max": 1 } },
                  "algorithm": { "type": "%s", "seed": 3 },
                  "objectives": [ { "metric": "error", "direction": "minimize" },
                                  { "metric": "speed", "direction": "maximize" } ],
                  %s
                  "maxTrials": %d, "parallelism": 1 }
                """.formatted(algorithm, constraints, maxTrials);
    }

    static final String LATENCY_BOUND = "\"constraints\": [ { \"metric\": \"latency\", \"max\": 0.8 } ],";

    /** error = x² + y², speed = 2 - (x-1)² - (y-1)²: a trade-off along the diagonal; latency = x. */
    static double[] evaluate(JsonNode params) {
        double x = params.path("x").asDouble();
        double y = params.path("y").asDouble();
        return new double[] {x * x + y * y, 2 - (x - 1) * (x - 1) - (y - 1) * (y - 1), x};
    }

    JsonNode ask(long job) {
        ApiClient.Response asked = api.post("/api/v1/jobs/" + job + "/trials/ask", "application/json", "");
        assertThat(asked.status()).as(asked.text()).isEqualTo(201);
        return asked.json();
    }

    ApiClient.Response tell(long job, int number, String body) {
        return api.postJson("/api/v1/jobs/" + job + "/trials/" + number + "/tell", body);
    }

    @Test
    void theFrontIsStoredAtEachCompletionAndInfeasibleTrialsNeverRankAboveFeasibleOnes() {
        long job = api.submit(job("bayesian", 16, LATENCY_BOUND));
        List<double[]> told = new ArrayList<>();
        for (int n = 0; n < 16; n++) {
            JsonNode trial = ask(job);
            double[] f = evaluate(trial.path("params"));
            ApiClient.Response response = tell(
                    job,
                    trial.path("number").asInt(),
                    "{ \"values\": [%s, %s], \"metrics\": { \"latency\": %s } }".formatted(f[0], f[1], f[2]));
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            assertThat(response.json().path("values").get(1).asDouble()).isEqualTo(f[1]);
            assertThat(response.json().path("constraints").get(0).asDouble()).isEqualTo(f[2] - 0.8);
            told.add(f);
        }

        // the front, by definition: feasible trials no feasible trial beats on both objectives
        Set<Integer> expected = new HashSet<>();
        for (int a = 0; a < told.size(); a++) {
            boolean dominated = false;
            for (int b = 0; b < told.size(); b++) {
                dominated |= told.get(b)[2] <= 0.8
                        && told.get(b)[0] <= told.get(a)[0]
                        && told.get(b)[1] >= told.get(a)[1]
                        && (told.get(b)[0] < told.get(a)[0] || told.get(b)[1] > told.get(a)[1]);
            }
            if (told.get(a)[2] <= 0.8 && !dominated) {
                expected.add(a);
            }
        }
        JsonNode front = api.get("/api/v1/jobs/" + job + "/pareto").json();
        Set<Integer> actual = new HashSet<>();
        front.forEach(t -> {
            actual.add(t.path("trialNumber").asInt());
            assertThat(t.path("paretoRank").asInt()).isZero();
            assertThat(t.path("feasible").asBoolean()).isTrue();
        });
        assertThat(actual).isEqualTo(expected).isNotEmpty();

        JsonNode board =
                api.get("/api/v1/jobs/" + job + "/leaderboard?limit=100").json();
        assertThat(board).hasSize(16);
        int lastRank = -1;
        boolean seenInfeasible = false;
        for (int i = 0; i < board.size(); i++) {
            JsonNode row = board.get(i);
            assertThat(row.path("paretoRank").asInt()).isGreaterThanOrEqualTo(lastRank);
            lastRank = row.path("paretoRank").asInt();
            boolean feasible = row.path("feasible").asBoolean();
            assertThat(feasible || !seenInfeasible)
                    .as("a feasible trial after an infeasible one")
                    .isTrue();
            seenInfeasible |= !feasible;
            if (i < expected.size()) {
                assertThat(expected).contains(row.path("trialNumber").asInt());
            }
        }
        // bayesian spends most trials where latency is allowed
        long feasible = told.stream().filter(f -> f[2] <= 0.8).count();
        assertThat(feasible).isGreaterThanOrEqualTo(11);
    }

    @Test
    void aJobWithOneObjectiveAndAConstraintRanksFeasibleTrialsFirst() {
        long job = api.submit("""
                { "execution": "external", "name": "bounded",
                  "searchSpace": { "x": { "type": "float", "min": 0, "max": 1 } },
                  "algorithm": { "type": "random", "seed": 1 },
                  "objective": { "metric": "error", "direction": "minimize" },
                  "constraints": [ { "metric": "x", "min": 0.5 } ],
                  "maxTrials": 8, "parallelism": 1 }
                """);
        for (int n = 0; n < 8; n++) {
            JsonNode trial = ask(job);
            double x = trial.path("params").path("x").asDouble();
            assertThat(tell(job, n, "{ \"value\": %s, \"metrics\": { \"x\": %s } }".formatted(x, x))
                            .status())
                    .isEqualTo(200);
        }
        JsonNode board =
                api.get("/api/v1/jobs/" + job + "/leaderboard?limit=10").json();
        List<Double> order = new ArrayList<>();
        board.forEach(r -> order.add(r.path("value").asDouble()));
        // feasible (x >= 0.5) ascending, then infeasible by violation: 0.5 - x ascending, i.e. x descending
        List<Double> feasibleFirst =
                new ArrayList<>(order.stream().filter(v -> v >= 0.5).sorted().toList());
        feasibleFirst.addAll(order.stream()
                .filter(v -> v < 0.5)
                .sorted((a, b) -> Double.compare(b, a))
                .toList());
        assertThat(order).isEqualTo(feasibleFirst);
        assertThat(api.get("/api/v1/jobs/" + job + "/pareto").json()).hasSize(1);
    }

    static Stream<Arguments> badTells() {
        return Stream.of(
                Arguments.of("{ \"value\": 1.0, \"metrics\": { \"latency\": 0.1 } }", "values", "must have 2 values"),
                Arguments.of(
                        "{ \"values\": [1.0, 2.0, 3.0], \"metrics\": { \"latency\": 0.1 } }",
                        "values",
                        "must have 2 values"),
                Arguments.of("{ \"values\": [1.0, 2.0] }", "metrics.latency", "is required"),
                Arguments.of(
                        "{ \"values\": [1.0, \"fast\"], \"metrics\": { \"latency\": 0.1 } }",
                        "values",
                        "finite numbers"),
                Arguments.of("{ \"value\": 1.0, \"values\": [1.0, 2.0] }", "values", "beside \"value\""),
                Arguments.of(
                        "{ \"values\": [1.0, 2.0], \"metrics\": { \"latency\": \"low\" } }",
                        "metrics.latency",
                        "finite number"));
    }

    @ParameterizedTest
    @MethodSource("badTells")
    void badTellsAreRefusedNamingTheFieldAndLeaveTheTrialRunning(String body, String field, String message) {
        long job = api.submit(job("random", 3, LATENCY_BOUND));
        int number = ask(job).path("number").asInt();

        assertFieldProblem(tell(job, number, body), field, message);

        assertThat(api.get("/api/v1/jobs/" + job + "/trials/" + number)
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("RUNNING");
    }

    static Stream<Arguments> badSpecs() {
        String space = "\"searchSpace\": { \"x\": { \"type\": \"float\", \"min\": 0, \"max\": 1 } }, ";
        String two = "\"objectives\": [ { \"metric\": \"a\", \"direction\": \"minimize\" }, "
                + "{ \"metric\": \"b\", \"direction\": \"maximize\" } ], ";
        return Stream.of(
                Arguments.of(
                        space + "\"objectives\": [ { \"metric\": \"a\", \"direction\": \"minimize\" },"
                                + " { \"metric\": \"a\", \"direction\": \"maximize\" } ]",
                        "objectives[1].metric",
                        "repeats \"a\""),
                Arguments.of(
                        space + "\"objectives\": [ { \"metric\": \"a\", \"direction\": \"minimize\" } ]",
                        "objectives",
                        "2 to 4 entries"),
                Arguments.of(
                        space + "\"objectives\": ["
                                + "{ \"metric\": \"a\", \"direction\": \"minimize\" },"
                                        .repeat(4)
                                        .replace("\"a\"", "\"m\"")
                                + "{ \"metric\": \"z\", \"direction\": \"minimize\" } ]",
                        "objectives",
                        "2 to 4 entries"),
                Arguments.of(
                        space + two + "\"objective\": { \"metric\": \"a\", \"direction\": \"minimize\" }",
                        "objectives",
                        "beside \"objective\""),
                Arguments.of(
                        space
                                + "\"objectives\": [ { \"metric\": \"a\" }, { \"metric\": \"b\", \"direction\": \"up\" } ]",
                        "objectives[0].direction",
                        "is required"),
                Arguments.of(space + two + "\"pruner\": { \"type\": \"median\" }", "pruner", "several objectives"),
                Arguments.of(
                        space + two + "\"constraints\": [ { \"metric\": \"c\", \"min\": 2, \"max\": 1 } ]",
                        "constraints[0].min",
                        "must not exceed max"),
                Arguments.of(
                        space + two + "\"constraints\": [ { \"metric\": \"c\" } ]", "constraints[0]", "needs \"min\""),
                Arguments.of(
                        space + two
                                + "\"constraints\": [ { \"metric\": \"c\", \"max\": 1 }, { \"metric\": \"c\", \"min\": 0 } ]",
                        "constraints[1].metric",
                        "repeats \"c\""));
    }

    @ParameterizedTest
    @MethodSource("badSpecs")
    void badSpecsAreRefusedNamingTheFieldAndWriteNothing(String fields, String field, String message) {
        long jobs = jdbc.sql("select count(*) from job").query(Long.class).single();
        ApiClient.Response response =
                api.postJson("/api/v1/jobs", "{ \"execution\": \"external\", \"maxTrials\": 5, " + fields + " }");

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.fieldErrors())
                .as(response.text())
                .anySatisfy(e -> assertThat(e).startsWith(field + ": ").contains(message));
        assertThat(jdbc.sql("select count(*) from job").query(Long.class).single())
                .isEqualTo(jobs);
    }
}
