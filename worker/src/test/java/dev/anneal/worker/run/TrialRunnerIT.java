package dev.anneal.worker.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.db.shared.TrialOutcome;
import dev.anneal.db.trial.ClaimedTrial;
import dev.anneal.worker.testing.WorkerIT;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The runner's endings other than a finished training, against the real queue: a trial stopped
 * for shutdown goes back to the queue, and a runner whose lease was taken over (the reaper
 * requeued the trial and another worker claimed it) writes nothing and reports the lease lost.
 * The runner is the worker's own bean; training is real (an MLP on iris).
 */
class TrialRunnerIT extends WorkerIT {

    private static final String FEW_EPOCHS = "{\"epochs\": 3}";

    long job;

    @BeforeEach
    void oneQueuedTrial() {
        job = jobs.runningJob();
        jobs.queue(job, 1, FEW_EPOCHS);
    }

    @Test
    void aTrialStoppedForShutdownGoesBackToTheQueueUncounted() {
        TrialControl control = claimedBy("w1");
        control.requestShutdown();

        assertThat(runner.run(control)).isEqualTo(TrialOutcome.RELEASED);

        // queued again as if never claimed: no attempt used, nobody holds it, old lease fenced
        assertThat(row()).containsEntry("state", "QUEUED").containsEntry("attempt", 0);
        assertThat(row().get("worker_id")).isNull();
        assertThat(((Number) row().get("lease_version")).longValue())
                .isGreaterThan(control.trial().lease().version());
    }

    @Test
    void aRunnerWhoseLeaseWasTakenOverWritesNothing() {
        TrialControl stale = claimedBy("w1");
        ClaimedTrial current = takenOverBy("w2");

        assertThat(runner.run(stale)).isEqualTo(TrialOutcome.LEASE_LOST);

        // still w2's running trial: no value, no outcome, no epochs of w1's training
        assertStillRunningUnder(current, "w2");
        assertThat(row().get("value")).isNull();
        assertThat(jdbc.sql("select count(*) from trial_metric")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aReleaseWithALostLeaseLeavesTheNewHoldersTrialAlone() {
        TrialControl stale = claimedBy("w1");
        stale.requestShutdown();
        ClaimedTrial current = takenOverBy("w2");

        assertThat(runner.run(stale)).isEqualTo(TrialOutcome.LEASE_LOST);

        assertStillRunningUnder(current, "w2");
    }

    private void assertStillRunningUnder(ClaimedTrial current, String worker) {
        assertThat(row())
                .containsEntry("state", "RUNNING")
                .containsEntry("worker_id", worker)
                .containsEntry("lease_version", current.lease().version());
    }

    private TrialControl claimedBy(String worker) {
        List<ClaimedTrial> claimed = queue.claim(worker, 1);
        assertThat(claimed).hasSize(1);
        return new TrialControl(claimed.get(0));
    }

    /** What happens to a worker that stops heartbeating: the reaper requeues, another claims. */
    private ClaimedTrial takenOverBy(String worker) {
        jdbc.sql("update trial set heartbeat_at = now() - interval '1 hour'").update();
        assertThat(queue.reap(Duration.ofMinutes(1), 3)).hasSize(1);
        List<ClaimedTrial> claimed = queue.claim(worker, 1);
        assertThat(claimed).hasSize(1);
        return claimed.get(0);
    }

    private Map<String, Object> row() {
        return jdbc.sql("select state, attempt, worker_id, lease_version, value from trial where job_id = :job")
                .param("job", job)
                .query()
                .singleRow();
    }
}
