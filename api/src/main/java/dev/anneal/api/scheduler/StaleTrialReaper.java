package dev.anneal.api.scheduler;

import dev.anneal.db.shared.LogContext;
import dev.anneal.db.trial.ExternalTrials;
import dev.anneal.db.trial.ReapedTrial;
import dev.anneal.db.trial.TrialQueue;
import dev.anneal.db.worker.WorkerRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Takes back trials nobody is working on any more. DL4J trials whose workers stopped
 * heartbeating (killed, hung, cut off from the database) are requeued while attempts remain,
 * else failed; this is also how trials interrupted by a server crash run again after a restart.
 * External trials whose client neither told nor reported them before their deadline fail as
 * expired. The two never overlap: external trials have no heartbeat and DL4J trials no deadline.
 */
@Component
public class StaleTrialReaper {

    private static final Logger log = LoggerFactory.getLogger(StaleTrialReaper.class);

    /** Registry rows of workers silent this long are deleted (the API shows the last 24 hours). */
    static final Duration FORGET_WORKERS_AFTER = Duration.ofDays(7);

    private final TrialQueue queue;
    private final ExternalTrials external;
    private final SchedulerProperties properties;
    private final AskTellProperties askTell;
    private final SchedulerMetrics metrics;
    private final WorkerRegistry workers;
    private long nextForget = System.nanoTime();

    StaleTrialReaper(
            TrialQueue queue,
            ExternalTrials external,
            SchedulerProperties properties,
            AskTellProperties askTell,
            SchedulerMetrics metrics,
            WorkerRegistry workers) {
        this.workers = workers;
        this.queue = queue;
        this.external = external;
        this.properties = properties;
        this.askTell = askTell;
        this.metrics = metrics;
    }

    public List<ReapedTrial> reapOnce() {
        List<ReapedTrial> reaped = new ArrayList<>(queue.reap(properties.deadAfter(), properties.maxAttempts()));
        for (ReapedTrial t : reaped) {
            metrics.reaped(t.newState());
            try (var context = LogContext.trial(t.jobId(), t.number())) {
                log.warn(
                        "Reaped trial jobId={} trial={} worker={} silentFor>{} now={}",
                        t.jobId(),
                        t.number(),
                        t.lastWorkerId(),
                        properties.deadAfter(),
                        t.newState());
            }
        }
        List<ReapedTrial> expired = external.expire(askTell.trialTimeout());
        for (ReapedTrial t : expired) {
            metrics.expired();
            try (var context = LogContext.trial(t.jobId(), t.number())) {
                log.info(
                        "Expired external trial jobId={} trial={} client={} timeout={}",
                        t.jobId(),
                        t.number(),
                        t.lastWorkerId(),
                        askTell.trialTimeout());
            }
        }
        reaped.addAll(expired);
        forgetSilentWorkers();
        return reaped;
    }

    /**
     * Drops worker registry rows not heard from for {@link #FORGET_WORKERS_AFTER}, at most once
     * an hour: {@code GET /api/v1/workers} shows a day of them, so a crash stays visible, but a
     * cluster that scales workers up and down must not grow the table forever.
     */
    private void forgetSilentWorkers() {
        if (System.nanoTime() - nextForget < 0) {
            return;
        }
        nextForget = System.nanoTime() + Duration.ofHours(1).toNanos();
        int forgotten = workers.forget(FORGET_WORKERS_AFTER);
        if (forgotten > 0) {
            log.info("Forgot {} worker(s) not heard from for {}", forgotten, FORGET_WORKERS_AFTER);
        }
    }
}
