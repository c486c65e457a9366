package dev.anneal.db.trial;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.db.testing.Fixtures;
import dev.anneal.db.testing.TestDatabase;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** The SQL of external (ask/tell) trials, and that the DL4J queue leaves them alone. */
@SpringBootTest
class ExternalTrialsIT {

    static final Duration HOUR = Duration.ofHours(1);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    ExternalTrials external;

    @Autowired
    TrialQueue queue;

    @Autowired
    Leaderboard leaderboard;

    @Autowired
    TrialMetricReader metrics;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    Fixtures fixtures;

    @BeforeEach
    void clean() {
        jdbc.sql("truncate job, trial, trial_metric restart identity cascade").update();
        fixtures = new Fixtures(jdbc);
    }

    @Test
    void askedTrialsAreNumberedDenselyAndRunAtOnce() {
        long job = fixtures.runningExternalJob("MINIMIZE", 10);

        assertThat(external.resumeOrNext(job, null, HOUR)).isEqualTo(new ExternalTrials.AskSlot(Optional.empty(), 0));
        external.ask(job, 0, "{\"x\": 1}", null, HOUR);
        external.ask(job, 1, "{\"x\": 2}", "client-a", HOUR);

        assertThat(external.resumeOrNext(job, null, HOUR).nextNumber()).isEqualTo(2);
        assertThat(jdbc.sql("select state || ':' || attempt || ':' || (expires_at > now() + interval '59 minutes')"
                                + " from trial order by number")
                        .query(String.class)
                        .list())
                .containsExactly("RUNNING:1:true", "RUNNING:1:true");
    }

    @Test
    void dl4jWorkersNeverClaimTrialsOfExternalJobs() {
        long job = fixtures.runningExternalJob("MINIMIZE", 10);
        // an external trial is never queued; if one were, workers must still not take it
        fixtures.queueTrials(job, 2);

        assertThat(queue.claim("w", 10)).isEmpty();
    }

    @Test
    void theHeartbeatReaperLeavesExternalTrialsAlone() {
        long job = fixtures.runningExternalJob("MINIMIZE", 10);
        external.ask(job, 0, "{}", null, HOUR);
        jdbc.sql("update trial set heartbeat_at = now() - interval '1 hour'").update();

        assertThat(queue.reap(Duration.ofSeconds(1), 3)).isEmpty();
        assertThat(jdbc.sql("select state from trial").query(String.class).single())
                .isEqualTo("RUNNING");
    }

    @Test
    void aToldValueRanksByTheJobsDirection() {
        long maximize = fixtures.runningExternalJob("MAXIMIZE", 3);
        for (int n = 0; n < 3; n++) {
            external.ask(maximize, n, "{}", null, HOUR);
        }
        assertThat(external.complete(maximize, 0, 0.5))
                .get()
                .extracting(ExternalTrials.ToldTrial::allAsked)
                .isEqualTo(true);
        external.complete(maximize, 1, 0.9);
        external.complete(maximize, 2, 0.7);

        assertThat(leaderboard.top(maximize, 10))
                .extracting(LeaderboardRow::trialNumber)
                .containsExactly(1, 2, 0);
    }

    @Test
    void allAskedIsFalseUntilTheLastTrialExists() {
        long job = fixtures.runningExternalJob("MINIMIZE", 2);
        external.ask(job, 0, "{}", null, HOUR);

        assertThat(external.complete(job, 0, 1.0))
                .get()
                .extracting(ExternalTrials.ToldTrial::allAsked)
                .isEqualTo(false);
    }

    @Test
    void aTrialIsToldOnlyOnce() {
        long job = fixtures.runningExternalJob("MINIMIZE", 3);
        external.ask(job, 0, "{}", null, HOUR);

        assertThat(external.complete(job, 0, 1.0)).isPresent();
        assertThat(external.complete(job, 0, 2.0)).isEmpty();
        assertThat(external.fail(job, 0, "late")).isEmpty();
        assertThat(external.report(job, 0, 1, 3.0, HOUR)).isEmpty();
        assertThat(jdbc.sql("select value from trial").query(Double.class).single())
                .isEqualTo(1.0);
    }

    @Test
    void dl4jTrialsCannotBeToldOrReported() {
        long job = fixtures.runningJob("MINIMIZE");
        fixtures.queueTrials(job, 1);
        queue.claim("w", 1);

        assertThat(external.complete(job, 0, 1.0)).isEmpty();
        assertThat(external.fail(job, 0, "no")).isEmpty();
        assertThat(external.report(job, 0, 0, 1.0, HOUR)).isEmpty();
    }

    @Test
    void reportsRecordTheCurveUnderTheMetricNameAndExtendTheDeadline() {
        long job = fixtures.runningExternalJob("MINIMIZE", 3);
        external.ask(job, 0, "{}", null, Duration.ofSeconds(30));

        assertThat(external.report(job, 0, 0, 0.9, HOUR)).isPresent();
        assertThat(external.report(job, 0, 5, 0.4, HOUR)).isPresent();
        assertThat(external.report(job, 0, 5, 0.3, HOUR))
                .as("a step reported again is replaced")
                .isPresent();
        assertThat(external.report(job, 0, 2, 0.6, HOUR)).isPresent();

        long trialId = jdbc.sql("select id from trial").query(Long.class).single();
        assertThat(metrics.curve(trialId))
                .extracting(EpochMetrics::epoch, EpochMetrics::metricsJson)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, "{\"loss\": 0.9}"),
                        org.assertj.core.groups.Tuple.tuple(2, "{\"loss\": 0.6}"),
                        org.assertj.core.groups.Tuple.tuple(5, "{\"loss\": 0.3}"));
        assertThat(jdbc.sql("select epochs_trained from trial")
                        .query(Integer.class)
                        .single())
                .as("the highest step reported")
                .isEqualTo(5);
        assertThat(jdbc.sql("select expires_at > now() + interval '59 minutes' from trial")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void trialsPastTheirDeadlineExpireAsFailedAndCannotBeToldAnyMore() {
        long job = fixtures.runningExternalJob("MINIMIZE", 3);
        external.ask(job, 0, "{}", "c", HOUR);
        external.ask(job, 1, "{}", null, HOUR);
        fixtures.pastDeadline(job, 0, 1);

        assertThat(external.complete(job, 0, 1.0)).as("past its deadline").isEmpty();
        assertThat(external.expire(HOUR)).singleElement().satisfies(r -> {
            assertThat(r.number()).isZero();
            assertThat(r.newState()).isEqualTo(TrialState.FAILED);
            assertThat(r.lastWorkerId()).isEqualTo("c");
        });
        assertThat(jdbc.sql("select state || ': ' || coalesce(failure_reason, '') from trial order by number")
                        .query(String.class)
                        .list())
                .containsExactly("FAILED: expired: not told within 1h of its ask or last report", "RUNNING: ");
        assertThat(external.expire(HOUR)).isEmpty();
    }

    @Test
    void aClientResumesItsRunningTrialUnlessItExpired() {
        long job = fixtures.runningExternalJob("MINIMIZE", 5);
        external.ask(job, 0, "{\"x\": 1}", "c", Duration.ofSeconds(5));

        assertThat(external.resumeOrNext(job, "other", HOUR))
                .isEqualTo(new ExternalTrials.AskSlot(Optional.empty(), 1));
        assertThat(external.resumeOrNext(job, "c", HOUR))
                .isEqualTo(new ExternalTrials.AskSlot(Optional.of(new ExternalTrials.AskedTrial(0, "{\"x\": 1}")), 1));
        assertThat(jdbc.sql("select expires_at > now() + interval '59 minutes' from trial")
                        .query(Boolean.class)
                        .single())
                .as("resuming extends the deadline")
                .isTrue();

        fixtures.pastDeadline(job, 0, 1);
        assertThat(external.resumeOrNext(job, "c", HOUR).held()).isEmpty();
        assertThat(jdbc.sql("select state from trial").query(String.class).single())
                .isEqualTo("FAILED");
        external.ask(job, 1, "{}", "c", HOUR);
        assertThat(external.resumeOrNext(job, "c", HOUR).held())
                .get()
                .extracting(ExternalTrials.AskedTrial::number)
                .isEqualTo(1);
    }

    @Test
    void aTellReturnsTheTrialAsItLeftIt() {
        long job = fixtures.runningExternalJob("MINIMIZE", 5);
        external.ask(job, 0, "{\"x\": 1}", "c", HOUR);

        TrialEntity told = external.complete(job, 0, 0.5).orElseThrow().trial();

        assertThat(told.getNumber()).isZero();
        assertThat(told.getState()).isEqualTo(TrialState.COMPLETED);
        assertThat(told.getValue()).isEqualTo(0.5);
        assertThat(told.getParams()).isEqualTo("{\"x\": 1}");
        assertThat(told.getClientId()).isEqualTo("c");
        assertThat(told.getFinishedAt()).isAfterOrEqualTo(told.getStartedAt());
        assertThat(told.getBestEpoch()).isNull();
    }

    @Test
    void onlyTheAsksOwnTransactionCommitsWithoutWaitingForTheDisk() {
        long job = fixtures.runningExternalJob("MINIMIZE", 5);
        String before = transactions.execute(status -> synchronousCommit());

        String inside = transactions.execute(status -> {
            external.resumeOrNext(job, null, HOUR);
            return synchronousCommit();
        });
        String after = transactions.execute(status -> synchronousCommit());

        assertThat(inside).isEqualTo("off");
        assertThat(after).as("the server's setting again").isEqualTo(before);
    }

    private String synchronousCommit() {
        return jdbc.sql("show synchronous_commit").query(String.class).single();
    }

    @Test
    void startingTheDeadlineMovesIt() {
        long job = fixtures.runningExternalJob("MINIMIZE", 5);
        external.ask(job, 0, "{}", null, Duration.ofSeconds(5));

        external.startDeadline(job, 0, HOUR);

        assertThat(jdbc.sql("select expires_at > now() + interval '59 minutes' from trial")
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void aRefusalSaysWhatTheTellRanInto() {
        long job = fixtures.runningExternalJob("MINIMIZE", 5);
        external.ask(job, 0, "{}", null, HOUR);
        external.ask(job, 1, "{}", null, HOUR);
        external.fail(job, 1, "boom");
        external.ask(job, 2, "{}", null, HOUR);
        fixtures.pastDeadline(job, 2, 1);
        long dl4j = fixtures.runningJob("MINIMIZE");

        assertThat(external.refusal(424242, 0)).isEmpty();
        assertThat(external.refusal(dl4j, 0))
                .get()
                .isEqualTo(new ExternalTrials.Refusal(dev.anneal.db.job.JobExecution.DL4J, null, null, false));
        assertThat(external.refusal(job, 9))
                .get()
                .extracting(ExternalTrials.Refusal::trialState)
                .isNull();
        assertThat(external.refusal(job, 0))
                .get()
                .isEqualTo(new ExternalTrials.Refusal(
                        dev.anneal.db.job.JobExecution.EXTERNAL, TrialState.RUNNING, null, false));
        assertThat(external.refusal(job, 1))
                .get()
                .isEqualTo(new ExternalTrials.Refusal(
                        dev.anneal.db.job.JobExecution.EXTERNAL, TrialState.FAILED, "boom", false));
        assertThat(external.refusal(job, 2))
                .get()
                .extracting(ExternalTrials.Refusal::pastDeadline)
                .isEqualTo(true);
    }

    @Test
    void cancellingAnExternalJobCancelsItsRunningTrialsAtOnce() {
        long job = fixtures.runningExternalJob("MINIMIZE", 5);
        external.ask(job, 0, "{}", null, HOUR);
        external.ask(job, 1, "{}", null, HOUR);
        external.complete(job, 1, 2.0);

        assertThat(queue.cancelJobTrials(job)).as("no worker to ask").isZero();

        assertThat(jdbc.sql("select state from trial order by number")
                        .query(String.class)
                        .list())
                .containsExactly("CANCELLED", "COMPLETED");
    }

    @Test
    void durationsAreWrittenAsTheReadmeWritesThem() {
        assertThat(ExternalTrials.humanized(Duration.ofHours(1))).isEqualTo("1h");
        assertThat(ExternalTrials.humanized(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(ExternalTrials.humanized(Duration.ofSeconds(2))).isEqualTo("2s");
        assertThat(ExternalTrials.humanized(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }
}
