package dev.anneal.worker.claim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.anneal.db.shared.TrialFinishedEvent;
import dev.anneal.db.shared.TrialOutcome;
import dev.anneal.db.shared.WorkSignal;
import dev.anneal.db.worker.WorkerRegistry;
import dev.anneal.worker.config.WorkerProperties;
import dev.anneal.worker.metrics.WorkerMetrics;
import dev.anneal.worker.testing.WorkerIT;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link WorkerPool#claimOnce} against the real queue with the worker's real runner: it claims
 * no more trials than it has free slots, leaves the rest for other workers, runs what it claimed
 * and frees the slot when a trial ends; stopping it gives running trials back to the queue. The
 * Spring context's own pool has no slots; each test
 * builds a pool whose claim loop idles (an hour's poll, nobody wakes it), so only the test's
 * calls claim.
 */
class WorkerPoolIT extends WorkerIT {

    /** 1000 epochs of one-row batches: far longer than the moment between claiming and stopping. */
    private static final String LONG_TRAINING = "{\"epochs\": 1000, \"batchSize\": 1, \"earlyStopping\": 0}";

    private static final String SHORT_TRAINING = "{\"epochs\": 2}";

    @Autowired
    WorkerRegistry registry;

    WorkerMetrics metrics;
    WorkerPool pool;
    final List<TrialFinishedEvent> finished = new CopyOnWriteArrayList<>();

    @BeforeEach
    void idlePool() {
        metrics = new WorkerMetrics(new SimpleMeterRegistry(), 2);
        var properties = new WorkerProperties(
                2,
                1,
                "pool-it",
                Duration.ofHours(1),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                4,
                "",
                Duration.ofSeconds(30),
                false);
        var registration = new WorkerRegistration(registry, "pool-it", "localhost", 2);
        pool = new WorkerPool(
                "pool-it",
                properties,
                queue,
                runner,
                new Heartbeater(queue, metrics, Duration.ofSeconds(5)),
                new WorkSignal(),
                metrics,
                registration,
                finished::add);
        pool.start();
        // the loop's first claim (of an empty queue) is done; from here it sleeps for the hour
        await().atMost(Duration.ofMinutes(1)).until(() -> metrics.claimLatency().count() >= 1);
    }

    @AfterEach
    void stopPool() {
        pool.stop();
    }

    @Test
    void claimsNoMoreTrialsThanItHasFreeSlots() {
        long job = jobs.runningJob();
        jobs.queue(job, 5, LONG_TRAINING);

        assertThat(pool.claimOnce()).isEqualTo(2);
        assertThat(pool.busySlots()).isEqualTo(2);
        assertThat(statesByWorker()).containsOnly(Map.entry("RUNNING pool-it", 2L), Map.entry("QUEUED -", 3L));

        // both slots busy: nothing more is taken from other workers
        assertThat(pool.claimOnce()).isZero();
        assertThat(statesByWorker()).containsOnly(Map.entry("RUNNING pool-it", 2L), Map.entry("QUEUED -", 3L));

        // stopping the pool stops its trials and gives them back to the queue
        pool.stop();
        assertThat(finished)
                .extracting(TrialFinishedEvent::outcome)
                .containsExactly(TrialOutcome.RELEASED, TrialOutcome.RELEASED);
        assertThat(statesByWorker()).containsOnly(Map.entry("QUEUED -", 5L));
    }

    @Test
    void runsWhatItClaimedAndFreesTheSlot() {
        long job = jobs.runningJob();
        jobs.queue(job, 1, SHORT_TRAINING);

        assertThat(pool.claimOnce()).isEqualTo(1);

        await().atMost(Duration.ofMinutes(2)).until(() -> !finished.isEmpty());
        assertThat(finished).extracting(TrialFinishedEvent::outcome).containsExactly(TrialOutcome.COMPLETED);
        assertThat(pool.busySlots()).isZero();
        assertThat(statesByWorker()).containsOnly(Map.entry("COMPLETED pool-it", 1L));
        assertThat(jdbc.sql("select value from trial").query(Double.class).single())
                .isBetween(0.0, 1.0);
    }

    /** Trial counts by "state worker" ("-" for none). */
    private Map<String, Long> statesByWorker() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.sql("select state || ' ' || coalesce(worker_id, '-') as k, count(*) as n from trial group by 1")
                .query(rs -> {
                    counts.put(rs.getString("k"), rs.getLong("n"));
                });
        return counts;
    }
}
