package dev.anneal.db.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.db.testing.Fixtures;
import dev.anneal.db.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest
class TrialQueueIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    TrialQueue queue;

    @Autowired
    Leaderboard leaderboard;

    @Autowired
    TrialMetricReader metrics;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    Fixtures fixtures;

    @BeforeEach
    void clean() {
        jdbc.sql("truncate job, trial, trial_metric restart identity cascade").update();
        fixtures = new Fixtures(jdbc);
    }

    @Test
    void concurrentClaimersClaimEachQueuedTrialExactlyOnce() throws Exception {
        long job = fixtures.runningJob("MAXIMIZE");
        fixtures.queueTrials(job, 500);
        int claimers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(claimers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int w = 0; w < claimers; w++) {
            String worker = "w" + w;
            results.add(pool.submit(() -> {
                start.await();
                List<Long> mine = new ArrayList<>();
                List<ClaimedTrial> batch;
                while (!(batch = queue.claim(worker, 3)).isEmpty()) {
                    for (ClaimedTrial t : batch) {
                        mine.add(t.trialId());
                        assertThat(queue.complete(t.lease(), t.number(), 1, null))
                                .isTrue();
                    }
                }
                return mine;
            }));
        }
        start.countDown();
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> f : results) {
            all.addAll(f.get());
        }
        pool.shutdown();

        assertThat(all).hasSize(500).doesNotHaveDuplicates();
        assertThat(jdbc.sql("select count(*) from trial where state = 'COMPLETED' and attempt = 1")
                        .query(Long.class)
                        .single())
                .isEqualTo(500L);
    }

    @Test
    void claimSkipsTrialsOfJobsThatAreNotRunning() {
        long job = fixtures.runningJob("MAXIMIZE");
        fixtures.queueTrials(job, 2);
        jdbc.sql("update job set state = 'QUEUED'").update();

        assertThat(queue.claim("w", 10)).isEmpty();
    }

    @Test
    void writesWithAStaleLeaseChangeNothing() {
        long job = fixtures.runningJob("MAXIMIZE");
        fixtures.queueTrials(job, 1);
        ClaimedTrial claimed = queue.claim("w1", 1).get(0);
        Lease stale = new Lease(claimed.trialId(), claimed.lease().version() - 1);

        assertThat(queue.heartbeat(stale)).isEqualTo(LeaseCheck.LOST);
        assertThat(queue.reportEpoch(stale, 1, "{\"val_accuracy\": 0.5}")).isEqualTo(LeaseCheck.LOST);
        assertThat(queue.complete(stale, 0.5, 1, null)).isFalse();
        assertThat(queue.fail(stale, "boom")).isFalse();
        assertThat(metrics.curve(claimed.trialId())).isEmpty();

        assertThat(queue.heartbeat(claimed.lease())).isEqualTo(LeaseCheck.CONTINUE);
        assertThat(queue.reportEpoch(claimed.lease(), 1, "{\"val_accuracy\": 0.5}"))
                .isEqualTo(LeaseCheck.CONTINUE);
        assertThat(metrics.curve(claimed.trialId())).singleElement().satisfies(m -> {
            assertThat(m.epoch()).isEqualTo(1);
            assertThat(m.metricsJson()).contains("val_accuracy");
        });
    }

    @Test
    void reaperRequeuesStaleTrialsAndFencesOutTheOldHolder() {
        long job = fixtures.runningJob("MAXIMIZE");
        fixtures.queueTrials(job, 1);
        ClaimedTrial first = queue.claim("dead-worker", 1).get(0);
        queue.reportEpoch(first.lease(), 1, "{\"val_accuracy\": 0.1}");
        fixtures.ageHeartbeat(first.trialId(), 120);

        List<ReapedTrial> reaped = queue.reap(Duration.ofSeconds(60), 3);

        assertThat(reaped).singleElement().satisfies(r -> {
            assertThat(r.newState()).isEqualTo(TrialState.QUEUED);
            assertThat(r.lastWorkerId()).isEqualTo("dead-worker");
        });
        assertThat(queue.complete(first.lease(), 0.9, 1, null)).isFalse();
        ClaimedTrial second = queue.claim("live-worker", 1).get(0);
        assertThat(second.trialId()).isEqualTo(first.trialId());
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(metrics.curve(second.trialId()))
                .as("a retry starts its learning curve afresh")
                .isEmpty();
    }

    @Test
    void reaperFailsTrialsThatUsedUpTheirAttempts() {
        long job = fixtures.runningJob("MAXIMIZE");
        fixtures.queueTrials(job, 1);
        ClaimedTrial claimed = queue.claim("w", 1).get(0);
        fixtures.ageHeartbeat(claimed.trialId(), 120);

        List<ReapedTrial> reaped = queue.reap(Duration.ofSeconds(60), 1);

        assertThat(reaped).singleElement().extracting(ReapedTrial::newState).isEqualTo(TrialState.FAILED);
        assertThat(jdbc.sql("select failure_reason from trial")
                        .query(String.class)
                        .single())
                .startsWith("worker lost: no heartbeat from w since ");
    }

    @Test
    void reaperLeavesFreshHeartbeatsAlone() {
        long job = fixtures.runningJob("MAXIMIZE");
        fixtures.queueTrials(job, 1);
        queue.claim("w", 1);

        assertThat(queue.reap(Duration.ofSeconds(60), 3)).isEmpty();
    }

    @Test
    void cancellingAJobCancelsQueuedTrialsAndAsksRunningOnesToStop() {
        long job = fixtures.runningJob("MAXIMIZE");
        fixtures.queueTrials(job, 3);
        ClaimedTrial running = queue.claim("w", 1).get(0);

        assertThat(queue.cancelJobTrials(job)).isEqualTo(1);

        assertThat(queue.heartbeat(running.lease())).isEqualTo(LeaseCheck.CANCEL);
        assertThat(queue.finishStopped(running.lease())).isTrue();
        assertThat(jdbc.sql("select state, count(*) from trial group by state order by state")
                        .query((rs, n) -> rs.getString(1) + "=" + rs.getInt(2))
                        .list())
                .containsExactly("CANCELLED=3");
    }

    @Test
    void releaseReturnsATrialWithoutCountingTheAttempt() {
        long job = fixtures.runningJob("MAXIMIZE");
        fixtures.queueTrials(job, 1);
        ClaimedTrial claimed = queue.claim("w", 1).get(0);

        assertThat(queue.release(claimed.lease())).isTrue();

        ClaimedTrial again = queue.claim("w2", 1).get(0);
        assertThat(again.attempt()).isEqualTo(1);
        assertThat(again.lease().version()).isGreaterThan(claimed.lease().version());
    }

    @Test
    void aCurveHoldsOnlyTheEpochsOfTheLeaseThatHoldsTheTrial() {
        long job = fixtures.runningJob("MAXIMIZE");
        fixtures.queueTrials(job, 1);
        ClaimedTrial first = queue.claim("stopping-worker", 1).get(0);
        for (int epoch = 1; epoch <= 3; epoch++) {
            queue.reportEpoch(first.lease(), epoch, "{\"val_accuracy\": 0.1}");
        }
        // given back at shutdown: the attempt is not counted, but the run starts over
        assertThat(queue.release(first.lease())).isTrue();

        ClaimedTrial second = queue.claim("next-worker", 1).get(0);
        assertThat(second.attempt()).isEqualTo(1);
        assertThat(metrics.curve(second.trialId()))
                .as("the released run's epochs are gone")
                .isEmpty();
        queue.reportEpoch(second.lease(), 1, "{\"val_accuracy\": 0.2}");
        assertThat(queue.reportEpoch(first.lease(), 2, "{\"val_accuracy\": 0.9}"))
                .isEqualTo(LeaseCheck.LOST);

        assertThat(jdbc.sql("select epoch, lease_version from trial_metric order by epoch")
                        .query((rs, n) -> rs.getInt(1) + "@" + rs.getLong(2))
                        .list())
                .containsExactly("1@" + second.lease().version());
    }

    @Test
    void leaderboardRanksByDirectionThenEarlierFinish() {
        long maximize = fixtures.runningJob("MAXIMIZE");
        fixtures.queueTrials(maximize, 4);
        double[] values = {0.7, 0.9, 0.8, 0.9};
        for (ClaimedTrial t : sortedByNumber(queue.claim("w", 4))) {
            assertThat(queue.complete(t.lease(), values[t.number()], 1, null)).isTrue();
            // finished_at is per statement; space them so "earlier finish" is well defined
            jdbc.sql("select pg_sleep(0.01)").query(Object.class).optional();
        }

        assertThat(leaderboard.top(maximize, 10))
                .extracting(LeaderboardRow::rank, LeaderboardRow::trialNumber)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, 1),
                        org.assertj.core.groups.Tuple.tuple(2, 3),
                        org.assertj.core.groups.Tuple.tuple(3, 2),
                        org.assertj.core.groups.Tuple.tuple(4, 0));

        long minimize = fixtures.runningJob("MINIMIZE");
        fixtures.queueTrials(minimize, 3);
        double[] losses = {0.3, 0.1, 0.2};
        for (ClaimedTrial t : queue.claim("w", 3)) {
            queue.complete(t.lease(), losses[t.number()], 1, null);
        }
        assertThat(leaderboard.top(minimize, 2))
                .extracting(LeaderboardRow::trialNumber)
                .containsExactly(1, 2);
        assertThat(leaderboard.best(minimize))
                .get()
                .extracting(LeaderboardRow::value)
                .isEqualTo(0.1);
    }

    @Test
    void prunedTrialsKeepTheirLastValueAndRankBelowEveryCompletedTrial() {
        long job = fixtures.runningJob("MAXIMIZE");
        fixtures.queueTrials(job, 3);
        List<ClaimedTrial> claimed = sortedByNumber(queue.claim("w", 3));
        for (ClaimedTrial t : claimed) {
            queue.reportEpoch(t.lease(), 1, "{\"val_accuracy\": " + (0.5 + t.number() / 10.0) + "}");
        }
        assertThat(queue.complete(claimed.get(0).lease(), 0.6, 3, null)).isTrue();
        var stale = new Lease(claimed.get(1).trialId(), claimed.get(1).lease().version() - 1);
        assertThat(queue.prune(stale, 1, 0.9, "stale"))
                .as("fenced by the lease")
                .isFalse();
        assertThat(queue.notePruning(claimed.get(2).lease(), 1, "asha rung 0 (epoch 1): kept"))
                .isTrue();
        assertThat(queue.prune(claimed.get(1).lease(), 1, 0.9, "asha rung 0 (epoch 1): 0.9 below"))
                .isTrue();
        assertThat(queue.prune(claimed.get(1).lease(), 1, 0.9, "again"))
                .as("only a running trial")
                .isFalse();

        assertThat(leaderboard.top(job, 10))
                .extracting(LeaderboardRow::trialNumber, LeaderboardRow::state, LeaderboardRow::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, TrialState.COMPLETED, 0.6),
                        org.assertj.core.groups.Tuple.tuple(1, TrialState.PRUNED, 0.9));
        assertThat(leaderboard.best(job).get().trialNumber()).isZero();
        assertThat(metrics.curve(claimed.get(1).trialId()).get(0).pruning())
                .isEqualTo("asha rung 0 (epoch 1): 0.9 below");
        assertThat(metrics.curve(claimed.get(2).trialId()).get(0).pruning()).isEqualTo("asha rung 0 (epoch 1): kept");
        assertThat(jdbc.sql("select prune_reason from trial where number = 1")
                        .query(String.class)
                        .single())
                .isEqualTo("asha rung 0 (epoch 1): 0.9 below");
    }

    @Test
    void intermediateValuesAreThePeersAtTheStepAndTheTrialsOwnCurve() {
        long job = fixtures.runningJob("MAXIMIZE");
        fixtures.queueTrials(job, 2);
        List<ClaimedTrial> claimed = sortedByNumber(queue.claim("w", 2));
        for (int epoch = 1; epoch <= 3; epoch++) {
            queue.reportEpoch(claimed.get(0).lease(), epoch, "{\"val_accuracy\": " + epoch / 10.0 + "}");
        }
        queue.reportEpoch(claimed.get(1).lease(), 1, "{\"val_accuracy\": 0.5}");
        queue.reportEpoch(claimed.get(1).lease(), 2, "{\"val_accuracy\": 0.6}");

        var read = new IntermediateValues(jdbc).atStep(job, claimed.get(1).trialId(), "val_accuracy", 2);

        assertThat(read.peers()).containsExactly(new IntermediateValues.Value(0, TrialState.RUNNING, 2, 0.2));
        assertThat(read.own()).extracting(IntermediateValues.Value::value).containsExactly(0.5, 0.6);
    }

    @Test
    void leaderboardQueryUsesTheRankedIndex() throws Exception {
        long job = fixtures.runningJob("MAXIMIZE");
        String plan = planOf(Leaderboard.TOP, Map.of("job", job, "limit", 10));
        assertThat(plan).contains("trial_ranked_idx").doesNotContain("Sort");
    }

    @Test
    void bestTrialPerJobQueryUsesTheLeaderboardIndex() throws Exception {
        long job = fixtures.runningJob("MAXIMIZE");
        String plan = planOf(TrialStats.BEST, Map.of("ids", List.of(job)));
        assertThat(plan).contains("trial_leaderboard_idx").doesNotContain("Sort");
    }

    /**
     * The plan PostgreSQL would use for {@code query} (the production SQL itself, with its named
     * parameters bound) on a large table: the test's table is tiny, so sequential scans are
     * switched off on the one connection the explain runs on.
     */
    private String planOf(String query, Map<String, ?> params) throws Exception {
        try (Connection c = dataSource.getConnection();
                Statement st = c.createStatement()) {
            st.execute("set enable_seqscan = off");
            JdbcClient onThisConnection = JdbcClient.create(new SingleConnectionDataSource(c, true));
            return String.join(
                    "\n",
                    onThisConnection
                            .sql("explain " + query)
                            .params(params)
                            .query(String.class)
                            .list());
        }
    }

    private static List<ClaimedTrial> sortedByNumber(List<ClaimedTrial> trials) {
        List<ClaimedTrial> sorted = new ArrayList<>(trials);
        Collections.sort(sorted, (a, b) -> Integer.compare(a.number(), b.number()));
        return sorted;
    }
}
