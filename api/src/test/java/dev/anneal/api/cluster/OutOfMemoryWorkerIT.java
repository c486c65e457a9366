package dev.anneal.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.anneal.api.support.ApiClient;
import dev.anneal.api.support.WorkerProcesses;
import dev.anneal.db.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A standalone worker whose off-heap memory is capped well below what one trial's network needs
 * (JavaCPP's {@code maxphysicalbytes}, the worker process's resident size, as a container limit
 * would). The trial runs out of memory for real inside DL4J: it must end FAILED with reason
 * {@code out-of-memory} on its first attempt, stay so past the reaper's deadline, and the same
 * worker process must then train and complete the trials of another job.
 */
class OutOfMemoryWorkerIT {

    /**
     * The worker's resident-size cap. An idle worker is ~0.4 GB resident and trains the small
     * iris trials below well within it; four hidden layers of 4,096 units (50 M weights, ~0.8 GB
     * with gradients and Adam's two moments) cannot fit.
     */
    static final String MAX_PHYSICAL = "1g";

    @TempDir
    Path directory;

    @Test
    void aTrialThatRunsOutOfMemoryFailsOnceAndTheWorkerCarriesOn() throws Exception {
        TestDatabase.Schema schema = TestDatabase.freshSchema();
        // the server's model budget assumes a worker with ~1 GB a slot; this operator raised it
        // above what the small worker below can hold, which is the mistake the test provokes
        try (ConfigurableApplicationContext server =
                        WorkerProcessesIT.server(schema, "--anneal.limits.model.parameters=100000000");
                WorkerProcesses workers =
                        new WorkerProcesses(schema.jdbcUrl(), schema.server().user(), directory)) {
            ApiClient api =
                    new ApiClient(Integer.parseInt(server.getEnvironment().getProperty("local.server.port")));
            Process worker = workers.start(
                    "small",
                    1,
                    new WorkerProcesses.Launch(
                            List.of(),
                            List.of(
                                    "-Xmx256m",
                                    "-Dorg.bytedeco.javacpp.maxphysicalbytes=" + MAX_PHYSICAL,
                                    // DL4J writes a memory report on OOM: into the test's directory, not the checkout
                                    "-Dorg.deeplearning4j.crash.reporting.directory=" + directory),
                            null));

            long big = api.submit("""
                    { "dataset": "iris", "target": "label", "maxTrials": 1, "parallelism": 1,
                      "searchSpace": { "epochs": 3, "hiddenLayers": 4, "units": 4096, "batchSize": 32 },
                      "algorithm": { "seed": 1 } }
                    """);
            JsonNode bigJob = api.awaitFinished(big, Duration.ofMinutes(3));

            List<String[]> trials = trials(schema, big);
            assertThat(trials).hasSize(1);
            String[] trial = trials.get(0);
            assertThat(trial[0]).as("state").isEqualTo("FAILED");
            assertThat(trial[1]).as("failure reason").startsWith("out-of-memory");
            assertThat(trial[2])
                    .as("attempt: failed at once, never reaped and retried")
                    .isEqualTo("1");
            assertThat(bigJob.path("state").asString()).isEqualTo("FAILED");

            // past dead-after (4 s) and several reaper rounds: nothing takes the trial back
            Thread.sleep(6000);
            assertThat(trials(schema, big).get(0))
                    .as("unchanged after the reaper's deadline")
                    .containsExactly(trial);

            long small = api.submit("""
                    { "dataset": "iris", "target": "label", "maxTrials": 3, "parallelism": 1,
                      "searchSpace": { "epochs": 5, "units": 16 }, "algorithm": { "seed": 2 } }
                    """);
            JsonNode smallJob = api.awaitFinished(small, Duration.ofMinutes(3));

            assertThat(smallJob.path("state").asString()).isEqualTo("COMPLETED");
            assertThat(trials(schema, small))
                    .hasSize(3)
                    .allSatisfy(t -> assertThat(t).containsExactly("COMPLETED", null, "1", "small"));
            assertThat(worker.isAlive()).as("the worker process survived").isTrue();
            assertThat(workers.log("small")).contains("Trial ran out of memory");
            await().atMost(Duration.ofSeconds(10)).until(() -> WorkerProcessesIT.alive(api) == 1);
        }
    }

    /** A job's trials as {state, failure reason, attempt, worker}, by number. */
    static List<String[]> trials(TestDatabase.Schema schema, long jobId) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (Connection c = schema.server().connect();
                Statement st = c.createStatement()) {
            st.execute("set search_path to " + schema.name());
            try (ResultSet rs =
                    st.executeQuery("select state, failure_reason, attempt, worker_id from trial where job_id = "
                            + jobId + " order by number")) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
        }
        return rows;
    }
}
