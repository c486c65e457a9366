package dev.anneal.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.anneal.api.support.ApiClient;
import dev.anneal.api.support.WorkerProcesses;
import dev.anneal.db.testing.TestDatabase;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A standalone worker in a network namespace of its own reaches PostgreSQL over a veth pair
 * (through a relay on the host side, as PostgreSQL listens on 127.0.0.1 only). In the middle of
 * a trial its link goes down for longer than {@code dead-after}: the process stays alive but
 * hears nothing. The server requeues the trial and a worker outside the namespace runs it again.
 * The link comes back while that second run is going: everything the cut-off worker writes for
 * the trial is refused by its stale lease; it drops the trial and goes on claiming. Once the
 * trial is complete the outside worker stops, leaving the rest of the job to the cut-off one. Every trial must end exactly once, the metrics must all come from the lease
 * that completed each trial, and the job must complete.
 *
 * <p>Needs root and iproute2 (as CI has); skipped where a namespace cannot be made.
 */
class WorkerPartitionIT {

    static final int TRIALS = 5;
    static final int EPOCHS = 200;
    static final String CUT_OFF = "cut-off";
    static final String OUTSIDE = "outside";

    @TempDir
    Path directory;

    @Test
    void aWorkerCutOffFromTheDatabaseIsFencedOutAndCarriesOnAfterTheHeal() throws Exception {
        NetworkNamespace namespace = namespaceOrSkip();
        TestDatabase.Schema schema = TestDatabase.freshSchema();
        try (namespace;
                TcpForwarder relay = new TcpForwarder(namespace.hostAddress(), postgres(schema));
                ConfigurableApplicationContext server = WorkerProcessesIT.server(schema);
                WorkerProcesses workers =
                        new WorkerProcesses(schema.jdbcUrl(), schema.server().user(), directory)) {
            ApiClient api =
                    new ApiClient(Integer.parseInt(server.getEnvironment().getProperty("local.server.port")));
            String insideUrl = schema.jdbcUrl()
                    .replaceFirst(
                            "//[^/]+/", "//" + namespace.hostAddress().getHostAddress() + ":" + relay.port() + "/");
            Process cutOff =
                    workers.start(CUT_OFF, 1, new WorkerProcesses.Launch(namespace.exec(), List.of(), insideUrl));
            workers.start(OUTSIDE, 1);
            await().atMost(Duration.ofMinutes(2)).until(() -> WorkerProcessesIT.alive(api) == 2);

            // batch normalization keeps the trials on DL4J's fit, long enough to be cut off mid-way
            // (the dense path trains these iris MLPs in a few hundred milliseconds)
            long id = api.submit("""
                    { "dataset": "iris", "target": "label", "maxTrials": %d, "parallelism": 2,
                      "searchSpace": { "epochs": %d, "units": 32, "batchNorm": true,
                                       "learningRate": { "type": "float", "min": 1e-3, "max": 1e-1, "log": true } },
                      "algorithm": { "seed": 7 } }
                    """.formatted(TRIALS, EPOCHS));

            // mid-trial: it has reported an epoch and has many to go
            long trial = await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> trialTraining(schema), t -> t != null);
            namespace.cut();

            // dead-after (4 s) passes, the trial is requeued, and the outside worker runs it again
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(20))
                    .until(
                            () -> row(schema, trial),
                            r -> r.get(0).equals("RUNNING")
                                    && r.get(1).equals("2")
                                    && r.get(2).equals(OUTSIDE)
                                    && Integer.parseInt(r.get(6)) >= 1);
            assertThat(cutOff.isAlive()).as("the cut-off worker stayed alive").isTrue();

            // while the trial runs again, under a lease the cut-off worker does not know: its
            // writes meet a RUNNING trial and only the lease version turns them away
            namespace.heal();
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> workers.log(CUT_OFF).contains("Lease lost trialId=" + trial));

            await().atMost(Duration.ofMinutes(2))
                    .until(() -> "COMPLETED".equals(row(schema, trial).get(0)));
            List<String> completed = row(schema, trial);
            assertThat(completed.subList(0, 3)).containsExactly("COMPLETED", "2", OUTSIDE);
            // from here on, only the cut-off worker can claim
            workers.stop(OUTSIDE);

            JsonNode job = api.awaitFinished(id, Duration.ofMinutes(5));

            assertThat(job.path("state").asString()).isEqualTo("COMPLETED");
            assertThat(row(schema, trial))
                    .as("the completed trial is untouched by the cut-off worker's late writes")
                    .isEqualTo(completed);
            List<long[]> trials = WorkerProcessesIT.query(schema, """
                    select t.number, case when t.state = 'COMPLETED' then 1 else 0 end, t.attempt,
                           (select count(*) from trial_metric m where m.trial_id = t.id),
                           (select count(*) from trial_metric m
                             where m.trial_id = t.id and m.lease_version is distinct from t.lease_version),
                           case when t.worker_id = '%s' then 1 else 0 end, t.id
                      from trial t where t.job_id = %d order by t.number
                    """.formatted(CUT_OFF, id), 7);
            assertThat(trials).hasSize(TRIALS);
            for (long[] t : trials) {
                assertThat(t[1]).as("trial %d completed", t[0]).isEqualTo(1);
                assertThat(t[2]).as("attempts of trial %d", t[0]).isEqualTo(t[6] == trial ? 2 : 1);
                assertThat(t[3]).as("one metrics row per epoch, trial %d", t[0]).isEqualTo(EPOCHS);
                assertThat(t[4])
                        .as("metrics rows of trial %d from another lease than the one that completed it", t[0])
                        .isZero();
            }
            // the outside worker may have finished the first job's other trials meanwhile (trials
            // take about a second), so a second job, with the outside worker gone, proves that the
            // cut-off worker claims and completes trials again after the heal
            long second = api.submit("""
                    { "dataset": "iris", "target": "label", "maxTrials": 2, "parallelism": 1,
                      "searchSpace": { "epochs": 5, "units": 32,
                                       "learningRate": { "type": "float", "min": 1e-3, "max": 1e-1, "log": true } },
                      "algorithm": { "seed": 8 } }
                    """);
            assertThat(api.awaitFinished(second, Duration.ofMinutes(2))
                            .path("state")
                            .asString())
                    .isEqualTo("COMPLETED");
            List<long[]> after = WorkerProcessesIT.query(schema, """
                    select t.number, case when t.state = 'COMPLETED' and t.worker_id = '%s' then 1 else 0 end
                      from trial t where t.job_id = %d order by t.number
                    """.formatted(CUT_OFF, second), 2);
            assertThat(after).hasSize(2);
            assertThat(after)
                    .as("trials of a job after the heal, completed by the cut-off worker")
                    .allSatisfy(t -> assertThat(t[1]).isEqualTo(1));
            assertThat(cutOff.isAlive()).isTrue();
        }
    }

    private static NetworkNamespace namespaceOrSkip() {
        try {
            return NetworkNamespace.create();
        } catch (IOException e) {
            assumeTrue(false, "cannot make a network namespace here (needs root and iproute2): " + e.getMessage());
            throw new IllegalStateException(e);
        }
    }

    /** Where the test database listens, from its JDBC URL. */
    private static InetSocketAddress postgres(TestDatabase.Schema schema) {
        Matcher m = Pattern.compile("^jdbc:postgresql://([^/:?]+)(?::(\\d+))?/")
                .matcher(schema.server().jdbcUrl());
        assertThat(m.find()).as("a jdbc:postgresql://host[:port]/ URL").isTrue();
        return new InetSocketAddress(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)));
    }

    /** The id of a trial the cut-off worker holds and has reported an epoch of, or null. */
    private static Long trialTraining(TestDatabase.Schema schema) throws Exception {
        List<long[]> rows = WorkerProcessesIT.query(schema, """
                select id from trial
                 where state = 'RUNNING' and worker_id = '%s' and epochs_trained between 1 and %d
                """.formatted(CUT_OFF, EPOCHS / 4), 1);
        return rows.isEmpty() ? null : rows.get(0)[0];
    }

    /** A trial as {state, attempt, worker, value, finished_at, lease_version, epochs_trained}. */
    private static List<String> row(TestDatabase.Schema schema, long trialId) throws Exception {
        try (Connection c = schema.server().connect();
                Statement st = c.createStatement()) {
            st.execute("set search_path to " + schema.name());
            try (ResultSet rs = st.executeQuery(
                    "select state, attempt, worker_id, value, finished_at, lease_version, epochs_trained"
                            + " from trial where id = "
                            + trialId)) {
                assertThat(rs.next()).isTrue();
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= 7; i++) {
                    row.add(rs.getString(i));
                }
                return row;
            }
        }
    }
}
