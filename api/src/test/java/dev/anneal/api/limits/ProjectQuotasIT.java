package dev.anneal.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.api.support.ApiClient;
import dev.anneal.db.testing.SharedDatasets;
import dev.anneal.db.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Per-project quotas over real HTTP with security on: a project over its quota is refused with
 * the quota named and its numbers, other projects are not affected, and concurrent submissions
 * cannot both take the last place.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "anneal.worker.slots=0",
            "anneal.security.enabled=true",
            "anneal.security.bootstrap-token=" + ProjectQuotasIT.ADMIN,
            "anneal.limits.project.unfinished-jobs=2",
            // wine.csv is about 4.3 KB gzip-compressed, iris.csv 0.8 KB
            "anneal.limits.project.dataset-storage=6KB"
        })
@DirtiesContext
class ProjectQuotasIT {

    static final String ADMIN = "anneal_test-admin-token-quotas-0123456789abcdef";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    static final String EXTERNAL = """
            { "execution": "external", "maxTrials": 1,
              "searchSpace": { "x": { "type": "float", "min": 0, "max": 1 } },
              "objective": { "metric": "loss", "direction": "minimize" } }
            """;

    ApiClient project(String name) {
        ApiClient admin = new ApiClient(port, ADMIN);
        ApiClient.Response created =
                admin.postJson("/api/v1/tokens", "{\"name\": \"ci\", \"project\": \"" + name + "\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return new ApiClient(port, created.json().path("token").asString());
    }

    @Test
    void aProjectAtItsUnfinishedJobQuotaGets429UntilOneFinishes() {
        ApiClient teamA = project("team-a");
        ApiClient teamB = project("team-b");
        long first = teamA.submit(EXTERNAL);
        teamA.submit(EXTERNAL);
        long jobs = count("job");

        ApiClient.Response third = teamA.postJson("/api/v1/jobs", EXTERNAL);

        assertThat(third.status()).as(third.text()).isEqualTo(429);
        assertThat(third.contentType()).startsWith("application/problem+json");
        JsonNode problem = third.json();
        assertThat(problem.path("type").asString()).endsWith("quota-exceeded");
        assertThat(problem.path("quota").asString()).isEqualTo("anneal.limits.project.unfinished-jobs");
        assertThat(problem.path("limit").asInt()).isEqualTo(2);
        assertThat(problem.path("used").asInt()).isEqualTo(2);
        assertThat(problem.path("detail").asString())
                .isEqualTo("the project has 2 queued or running jobs, and at most 2 may be unfinished at once"
                        + " (anneal.limits.project.unfinished-jobs); wait for one to finish or cancel one");
        assertThat(count("job")).isEqualTo(jobs);
        // another project has its own quota
        assertThat(teamB.postJson("/api/v1/jobs", EXTERNAL).status()).isEqualTo(201);
        // a cancelled job frees its place
        assertThat(teamA.postJson("/api/v1/jobs/" + first + "/cancel", "").status())
                .isEqualTo(200);
        assertThat(teamA.postJson("/api/v1/jobs", EXTERNAL).status()).isEqualTo(201);
    }

    @Test
    void concurrentSubmissionsCannotBothTakeTheLastPlace() throws Exception {
        ApiClient teamC = project("team-c");
        teamC.submit(EXTERNAL);
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            for (int i = 0; i < racers; i++) {
                Callable<Integer> submit = () -> {
                    start.await();
                    return teamC.postJson("/api/v1/jobs", EXTERNAL).status();
                };
                answers.add(pool.submit(submit));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }

            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 429).hasSize(racers - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from job j join project p on p.id = j.project_id where p.name = 'team-c'")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void aProjectOverItsDatasetStorageGets409AndOthersStillUpload() {
        ApiClient teamD = project("team-d");
        ApiClient teamE = project("team-e");
        assertThat(teamD.upload("wine-1", "wine.csv", SharedDatasets.bytes("wine.csv"))
                        .status())
                .isEqualTo(201);
        long datasets = count("dataset");

        ApiClient.Response second = teamD.upload("wine-2", "wine.csv", SharedDatasets.bytes("wine.csv"));

        assertThat(second.status()).as(second.text()).isEqualTo(409);
        JsonNode problem = second.json();
        assertThat(problem.path("type").asString()).endsWith("quota-exceeded");
        assertThat(problem.path("quota").asString()).isEqualTo("anneal.limits.project.dataset-storage");
        assertThat(problem.path("limit").asLong()).isEqualTo(6 * 1024);
        long used = problem.path("used").asLong();
        assertThat(used).isBetween(3000L, 6000L);
        assertThat(problem.path("detail").asString())
                .isEqualTo("the project's datasets take " + used + " bytes as stored and this one would add " + used
                        + ", but they may take at most 6144 bytes (anneal.limits.project.dataset-storage)");
        assertThat(count("dataset")).isEqualTo(datasets);
        // a smaller one still fits, and another project has its own quota
        assertThat(teamD.upload("iris-1", "iris.csv", SharedDatasets.bytes("iris.csv"))
                        .status())
                .isEqualTo(201);
        assertThat(teamE.upload("wine-1", "wine.csv", SharedDatasets.bytes("wine.csv"))
                        .status())
                .isEqualTo(201);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
