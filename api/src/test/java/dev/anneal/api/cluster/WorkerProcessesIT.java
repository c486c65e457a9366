package dev.anneal.api.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.anneal.api.AnnealApplication;
import dev.anneal.api.support.ApiClient;
import dev.anneal.api.support.WorkerProcesses;
import dev.anneal.db.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A server without workers and three standalone worker processes on one PostgreSQL. Workers are
 * killed with SIGKILL at random moments while they train: every trial must still end exactly
 * once, the killed ones after running again (attempt 2), and the job must complete.
 */
class WorkerProcessesIT {

    static final int TRIALS = 30;
    static final int EPOCHS = 30;

    @TempDir
    Path directory;

    @Test
    void killedWorkersTrialsRunAgainAndEveryTrialEndsOnce() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        TestDatabase.Schema schema = TestDatabase.freshSchema();
        try (ConfigurableApplicationContext server = server(schema);
                WorkerProcesses workers =
                        new WorkerProcesses(schema.jdbcUrl(), schema.server().user(), directory)) {
            ApiClient api =
                    new ApiClient(Integer.parseInt(server.getEnvironment().getProperty("local.server.port")));
            for (int i = 1; i <= 3; i++) {
                workers.start("w" + i, 1);
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> alive(api) == 3);

            // batch normalization keeps the trials on DL4J's fit, long enough to be cut off mid-way
            // (the dense path trains these iris MLPs in a few hundred milliseconds)
            long id = api.submit("""
                    { "dataset": "iris", "target": "label", "maxTrials": %d, "parallelism": 3,
                      "searchSpace": { "epochs": %d, "units": 32, "batchNorm": true,
                                       "learningRate": { "type": "float", "min": 1e-3, "max": 1e-1, "log": true } },
                      "algorithm": { "seed": 4 } }
                    """.formatted(TRIALS, EPOCHS));

            Set<Long> interrupted = new HashSet<>();
            int replacements = 0;
            for (int round = 0; round < 2; round++) {
                await().atMost(Duration.ofMinutes(2))
                        .until(() -> !runningTrials(schema).isEmpty());
                Thread.sleep(300 + random.nextInt(1500));
                List<long[]> held = runningTrials(schema);
                if (held.isEmpty()) {
                    continue;
                }
                long[] victim = held.get(random.nextInt(held.size()));
                String workerId = workerOf(schema, victim[0]);
                if (workerId == null || !workers.ids().contains(workerId)) {
                    continue;
                }
                workers.kill(workerId);
                // a dead worker writes nothing more: what it held is what the kill interrupted
                interrupted.addAll(trialsOf(schema, workerId));
                workers.start("r" + ++replacements, 1);
            }

            JsonNode job = api.awaitFinished(id, Duration.ofMinutes(10));

            assertThat(job.path("state").asString()).as("seed %d", seed).isEqualTo("COMPLETED");
            List<long[]> trials = trials(schema);
            assertThat(trials).as("seed %d", seed).hasSize(TRIALS);
            Set<Long> numbers = new HashSet<>();
            for (long[] t : trials) {
                numbers.add(t[1]);
                assertThat(t[2]).as("trial %d completed (seed %d)", t[1], seed).isEqualTo(1);
                assertThat(t[4]).as("one metrics row per epoch, trial %d", t[1]).isEqualTo(EPOCHS);
                if (interrupted.contains(t[0])) {
                    assertThat(t[3])
                            .as("attempts of interrupted trial %d (seed %d)", t[1], seed)
                            .isEqualTo(2);
                } else {
                    assertThat(t[3])
                            .as("attempts of trial %d (seed %d)", t[1], seed)
                            .isEqualTo(1);
                }
            }
            assertThat(numbers).hasSize(TRIALS);
            assertThat(interrupted)
                    .as("the kills hit running trials (seed %d)", seed)
                    .isNotEmpty();
            JsonNode registry = api.get("/api/v1/workers").json();
            long deadOnes = 0;
            for (JsonNode w : registry) {
                if (w.path("id").asString().matches("w[123]")
                        && !workers.ids().contains(w.path("id").asString())) {
                    assertThat(w.path("alive").asBoolean()).isFalse();
                    deadOnes++;
                }
            }
            assertThat(deadOnes).isGreaterThanOrEqualTo(1);
        }
    }

    /** A server without workers of its own, quick to reap; {@code extra} are more {@code --name=value} settings. */
    static ConfigurableApplicationContext server(TestDatabase.Schema schema, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + schema.jdbcUrl(),
                "--spring.datasource.username=" + schema.server().user(),
                "--spring.datasource.password=" + schema.server().password(),
                "--server.port=0",
                "--anneal.worker.slots=0",
                "--anneal.scheduler.dead-after=4s",
                "--anneal.scheduler.reap-interval=1s",
                "--anneal.scheduler.interval=500ms"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(AnnealApplication.class)
                // command-line arguments, because builder properties rank below application.yaml (server.port)
                .run(args.toArray(String[]::new));
    }

    static long alive(ApiClient api) {
        long alive = 0;
        for (JsonNode w : api.get("/api/v1/workers").json()) {
            if (w.path("alive").asBoolean()) {
                alive++;
            }
        }
        return alive;
    }

    /** Running trials as {id, number}. */
    static List<long[]> runningTrials(TestDatabase.Schema schema) throws Exception {
        return query(schema, "select id, number from trial where state = 'RUNNING' order by id", 2);
    }

    static String workerOf(TestDatabase.Schema schema, long trialId) throws Exception {
        try (Connection c = schema.server().connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select worker_id from " + schema.name() + ".trial where id = " + trialId
                        + " and state = 'RUNNING'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static Set<Long> trialsOf(TestDatabase.Schema schema, String workerId) throws Exception {
        Set<Long> ids = new HashSet<>();
        for (long[] row :
                query(schema, "select id from trial where state = 'RUNNING' and worker_id = '" + workerId + "'", 1)) {
            ids.add(row[0]);
        }
        return ids;
    }

    /** Every trial as {id, number, completed (1/0), attempt, metric rows}. */
    static List<long[]> trials(TestDatabase.Schema schema) throws Exception {
        return query(schema, """
                select t.id, t.number, case when t.state = 'COMPLETED' then 1 else 0 end, t.attempt,
                       (select count(*) from trial_metric m where m.trial_id = t.id)
                  from trial t order by t.number
                """, 5);
    }

    static List<long[]> query(TestDatabase.Schema schema, String sql, int columns) throws Exception {
        List<long[]> rows = new ArrayList<>();
        try (Connection c = schema.server().connect();
                Statement st = c.createStatement()) {
            st.execute("set search_path to " + schema.name());
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    long[] row = new long[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getLong(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
