package dev.anneal.api.asktell;

import static dev.anneal.api.asktell.AskTellIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.anneal.api.support.ServerIT;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * Deadlines of external trials, and their isolation from the DL4J machinery: real workers (two
 * slots) and an impatient heartbeat reaper run beside them and must leave them alone.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "anneal.worker.slots=2",
            "anneal.asktell.trial-timeout=2s",
            "anneal.scheduler.reap-interval=200ms",
            "anneal.scheduler.interval=200ms",
            "anneal.scheduler.dead-after=1s",
            // DL4J trials must stay alive under the impatient reaper; external ones have no heartbeat
            "anneal.worker.heartbeat-interval=200ms"
        })
@DirtiesContext
class AskTellExpiryIT extends ServerIT {

    @Autowired
    JdbcClient jdbc;

    long submit(int maxTrials) {
        return api.submit(AskTellIT.external("minimize", maxTrials, "random", AskTellIT.SPACE));
    }

    String path(long job, String rest) {
        return "/api/v1/jobs/" + job + "/trials" + rest;
    }

    @Test
    void aTrialNeverToldExpiresAsFailedAndEndsItsJob() {
        long job = submit(1);
        assertThat(api.postJson(path(job, "/ask"), "{}").status()).isEqualTo(201);

        JsonNode finished = api.awaitFinished(job, Duration.ofSeconds(15));

        assertThat(finished.path("state").asString()).isEqualTo("FAILED");
        JsonNode trial = api.get(path(job, "/0")).json();
        assertThat(trial.path("state").asString()).isEqualTo("FAILED");
        assertThat(trial.path("failureReason").asString())
                .isEqualTo("expired: not told within 2s of its ask or last report");
        assertProblem(api.postJson(path(job, "/0/tell"), "{ \"value\": 1 }"), 409, "trial-already-finished");
    }

    @Test
    void reportsAndResumingAsksKeepATrialAlivePastTheTimeout() throws Exception {
        long job = submit(2);
        api.postJson(path(job, "/ask"), "{ \"clientId\": \"a\" }");
        api.postJson(path(job, "/ask"), "{ \"clientId\": \"b\" }");

        for (int step = 0; step < 8; step++) {
            Thread.sleep(500);
            assertThat(api.postJson(path(job, "/0/report"), "{ \"step\": " + step + ", \"value\": 1 }")
                            .status())
                    .isEqualTo(200);
            assertThat(api.postJson(path(job, "/ask"), "{ \"clientId\": \"b\" }")
                            .status())
                    .isEqualTo(200);
        }

        assertThat(state(job, 0)).isEqualTo("RUNNING");
        assertThat(state(job, 1)).isEqualTo("RUNNING");
        assertThat(api.postJson(path(job, "/0/tell"), "{ \"value\": 0.5 }").status())
                .isEqualTo(200);
    }

    @Test
    void dl4jWorkersAndTheHeartbeatReaperLeaveExternalTrialsAlone() {
        long external = submit(5);
        api.postJson(path(external, "/ask"), "{}");
        // look dead to the heartbeat reaper (dead-after 1s), and tempt the workers with a queued
        // trial, which an external job never has but workers must refuse all the same
        jdbc.sql("update trial set heartbeat_at = now() - interval '1 hour' where job_id = :job")
                .param("job", external)
                .update();
        jdbc.sql("insert into trial (job_id, number, state, params) values (:job, 1, 'QUEUED', '{}'::jsonb)")
                .param("job", external)
                .update();

        long dl4j = api.submit("""
                { "dataset": "iris", "target": "label", "maxTrials": 2, "parallelism": 2,
                  "searchSpace": { "epochs": 1, "units": 8 } }
                """);
        assertThat(api.awaitFinished(dl4j, Duration.ofMinutes(2)).path("state").asString())
                .as("the workers are alive and claiming")
                .isEqualTo("COMPLETED");

        List<String> external0 = jdbc.sql(
                        "select state || ' worker=' || coalesce(worker_id, '-') || ' attempt=' || attempt from trial"
                                + " where job_id = :job order by number")
                .param("job", external)
                .query(String.class)
                .list();
        // trial 0 outlived dead-after by far; only its own 2 s deadline may end it, as FAILED
        assertThat(external0.get(0)).isIn("RUNNING worker=- attempt=1", "FAILED worker=- attempt=1");
        assertThat(external0.get(1)).isEqualTo("QUEUED worker=- attempt=0");
        await().atMost(Duration.ofSeconds(10)).until(() -> state(external, 0).equals("FAILED"));
        assertThat(jdbc.sql("select failure_reason from trial where job_id = :job and number = 0")
                        .param("job", external)
                        .query(String.class)
                        .single())
                .startsWith("expired:");
    }

    private String state(long job, int number) {
        return jdbc.sql("select state from trial where job_id = :job and number = :n")
                .param("job", job)
                .param("n", number)
                .query(String.class)
                .single();
    }
}
