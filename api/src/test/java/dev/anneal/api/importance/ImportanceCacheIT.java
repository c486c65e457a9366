package dev.anneal.api.importance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.api.support.ApiClient;
import dev.anneal.api.support.ServerIT;
import dev.anneal.db.shared.AnnealMetricNames;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * Importance is fitted once per set of completed trials: a repeated call is answered from the
 * cache, a newly completed trial makes the next call refit, and callers arriving together at a
 * new count share one fit. Fits are counted by the server's own fit timer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "anneal.worker.slots=0")
@DirtiesContext
class ImportanceCacheIT extends ServerIT {

    @Autowired
    MeterRegistry registry;

    @Autowired
    JdbcClient jdbc;

    static String externalJob(int maxTrials) {
        return """
                { "execution": "external", "name": "importance-cache", "maxTrials": %d,
                  "searchSpace": { "x": { "type": "float", "min": -5, "max": 5 },
                                   "depth": { "type": "int", "min": 1, "max": 9 },
                                   "booster": { "type": "categorical", "values": ["gbtree", "dart"] } },
                  "algorithm": { "type": "random", "seed": 5 },
                  "objective": { "metric": "loss", "direction": "minimize" } }
                """.formatted(maxTrials);
    }

    long fits() {
        return registry.get(AnnealMetricNames.IMPORTANCE_FIT).timer().count();
    }

    JsonNode importance(long job) {
        ApiClient.Response r = api.get("/api/v1/jobs/" + job + "/importance");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    /** Asks for a trial and tells it {@code value} (the objective grows with x²), or fails it when null. */
    void askAndTell(long job, Double value) {
        JsonNode asked =
                api.postJson("/api/v1/jobs/" + job + "/trials/ask", "{}").json();
        int number = asked.path("number").asInt();
        double x = asked.path("params").path("x").asDouble();
        String body = value == null
                ? "{\"state\": \"FAILED\", \"error\": \"crashed\"}"
                : "{\"value\": " + (x * x + value) + "}";
        ApiClient.Response told = api.postJson("/api/v1/jobs/" + job + "/trials/" + number + "/tell", body);
        assertThat(told.status()).as(told.text()).isEqualTo(200);
    }

    @Test
    void aRepeatedCallIsServedFromTheCacheAndANewCompletedTrialIsFittedAgain() {
        long job = api.submit(externalJob(20));
        for (int i = 0; i < 6; i++) {
            askAndTell(job, 0.1 * i);
        }
        long before = fits();

        JsonNode first = importance(job);
        JsonNode second = importance(job);
        JsonNode third = importance(job);

        assertThat(first.path("trials").asInt()).isEqualTo(6);
        assertThat(first.path("parameters")).hasSize(3);
        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        assertThat(fits() - before)
                .as("fits for three calls at 6 completed trials")
                .isEqualTo(1);

        askAndTell(job, null);
        assertThat(importance(job)).as("a failed trial changes nothing").isEqualTo(first);
        assertThat(fits() - before).isEqualTo(1);

        askAndTell(job, 0.7);
        JsonNode after = importance(job);
        assertThat(after.path("trials").asInt()).isEqualTo(7);
        assertThat(fits() - before).as("a new completed trial is fitted again").isEqualTo(2);
        assertThat(importance(job)).isEqualTo(after);
        assertThat(fits() - before).isEqualTo(2);
    }

    @Test
    void callersArrivingTogetherAtANewCountShareOneFit() throws Exception {
        long job = api.submit(externalJob(5000));
        // 4,000 completed trials written directly (telling them over HTTP would take a minute):
        // a fit of that many takes long enough that eight callers arrive while it runs
        jdbc.sql("""
                insert into trial (job_id, number, state, params, value, rank_key, started_at, finished_at)
                select :job, n, 'COMPLETED',
                       jsonb_build_object('x', x, 'depth', 1 + n % 9, 'booster', case when n % 2 = 0 then 'gbtree' else 'dart' end),
                       x * x, x * x, now(), now()
                  from (select n, -5 + 10 * random() as x from generate_series(0, 3999) n) t
                """).param("job", job).update();
        long before = fits();
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        List<JsonNode> answers = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<JsonNode>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return importance(job);
                }));
            }
            start.countDown();
            for (Future<JsonNode> call : calls) {
                answers.add(call.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(fits() - before)
                .as("fits for %d concurrent first calls", callers)
                .isEqualTo(1);
        assertThat(answers).allSatisfy(a -> assertThat(a).isEqualTo(answers.get(0)));
        JsonNode answer = answers.get(0);
        assertThat(answer.path("trials").asInt()).isEqualTo(4000);
        assertThat(answer.path("parameters").get(0).path("name").asString())
                .as("the objective is x², so x explains it")
                .isEqualTo("x");
    }
}
