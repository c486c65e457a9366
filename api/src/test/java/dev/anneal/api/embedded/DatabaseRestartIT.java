package dev.anneal.api.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.anneal.api.AnnealApplication;
import dev.anneal.api.support.ApiClient;
import dev.anneal.api.support.WorkerProcesses;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * PostgreSQL restarted in the middle of a job, under a server and a standalone worker: both
 * reconnect, trials in flight keep training (their writes retry while the database is away),
 * and the job completes with every trial finished exactly once. The test owns this PostgreSQL
 * (the project machine's shared one is not restarted under other tests).
 */
class DatabaseRestartIT {

    static final int TRIALS = 16;
    static final int EPOCHS = 30;

    @TempDir
    Path directory;

    @Test
    void serverAndWorkersRideThroughADatabaseRestart() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path data = directory.resolve("postgres");
        EmbeddedPostgres postgres = EmbeddedPostgresLauncher.start(data, port);
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(AnnealApplication.class)
                        // command-line arguments, because builder properties rank below application.yaml (server.port)
                        .run(
                                "--spring.datasource.url=" + url,
                                "--spring.datasource.username=postgres",
                                "--server.port=0",
                                "--anneal.worker.slots=0",
                                "--anneal.scheduler.dead-after=15s",
                                "--anneal.scheduler.reap-interval=1s",
                                "--anneal.scheduler.interval=500ms");
                WorkerProcesses workers = new WorkerProcesses(url, "postgres", directory)) {
            ApiClient api =
                    new ApiClient(Integer.parseInt(server.getEnvironment().getProperty("local.server.port")));
            workers.start("restart-survivor", 2);
            // batch normalization keeps the trials on DL4J's fit, long enough to be running when the
            // database goes away (the dense path trains these iris MLPs in a few hundred milliseconds)
            long id = api.submit("""
                    { "dataset": "iris", "target": "label", "maxTrials": %d, "parallelism": 2,
                      "searchSpace": { "epochs": %d, "units": 32, "batchNorm": true,
                                       "learningRate": { "type": "float", "min": 1e-3, "max": 1e-1, "log": true } },
                      "algorithm": { "seed": 9 } }
                    """.formatted(TRIALS, EPOCHS));
            await().atMost(Duration.ofMinutes(5)).until(() -> {
                JsonNode counts = api.get("/api/v1/jobs/" + id).json().path("trials");
                return counts.path("completed").asInt() >= 2
                        && counts.path("running").asInt() >= 1;
            });

            postgres.close();
            Thread.sleep(3000);
            postgres = EmbeddedPostgresLauncher.start(data, port);

            JsonNode job = api.awaitFinished(id, Duration.ofMinutes(10));

            assertThat(job.path("state").asString()).isEqualTo("COMPLETED");
            List<long[]> trials = new ArrayList<>();
            try (Connection c = DriverManager.getConnection(url, "postgres", "");
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("""
                            select t.number, case when t.state = 'COMPLETED' then 1 else 0 end,
                                   (select count(*) from trial_metric m where m.trial_id = t.id)
                              from trial t order by t.number
                            """)) {
                while (rs.next()) {
                    trials.add(new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)});
                }
            }
            assertThat(trials).hasSize(TRIALS);
            for (int n = 0; n < TRIALS; n++) {
                assertThat(trials.get(n)[0]).isEqualTo(n);
                assertThat(trials.get(n)[1]).as("trial %d completed", n).isEqualTo(1);
                assertThat(trials.get(n)[2])
                        .as("trial %d: one metrics row per epoch", n)
                        .isEqualTo(EPOCHS);
            }
            // the worker did see the database go away (and carried on); which of its threads noticed
            // first depends on timing: a trial's report, the claim loop or the heartbeat
            assertThat(workers.log("restart-survivor"))
                    .containsAnyOf("Database unreachable", "Claiming failed", "Heartbeat failed");
        } finally {
            postgres.close();
        }
    }
}
