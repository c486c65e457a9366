package dev.anneal.worker.claim;

import dev.anneal.db.shared.LogContext;
import dev.anneal.db.trial.TrialQueue;
import dev.anneal.worker.metrics.WorkerMetrics;
import dev.anneal.worker.run.TrialControl;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * Renews the leases of this process's running trials on its own thread: DL4J's fit blocks the
 * training thread for a whole mini-batch, and a lease must not lapse because one batch was slow.
 * Doubles as the stop channel: a cancel seen here reaches the training loop before its next batch.
 */
public class Heartbeater {

    private static final Logger log = LoggerFactory.getLogger(Heartbeater.class);

    private final TrialQueue queue;
    private final WorkerMetrics metrics;
    private final Duration interval;
    private final Map<Long, TrialControl> tracked = new ConcurrentHashMap<>();
    private volatile Runnable afterEachRound = () -> {};
    private ScheduledExecutorService executor;

    public Heartbeater(TrialQueue queue, WorkerMetrics metrics, Duration interval) {
        this.queue = queue;
        this.metrics = metrics;
        this.interval = interval;
    }

    /** Something to do after every round, such as renewing the worker's registration. */
    public void afterEachRound(Runnable action) {
        this.afterEachRound = action;
    }

    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "anneal-heartbeat");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::beatOnce, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    public void track(TrialControl control) {
        tracked.put(control.trial().trialId(), control);
    }

    public void untrack(TrialControl control) {
        tracked.remove(control.trial().trialId());
    }

    /** One round of heartbeats; public so tests can drive it without waiting. */
    public void beatOnce() {
        for (TrialControl control : tracked.values()) {
            // the context encloses the catch blocks too, so their warnings name the job and trial
            try (var context =
                    LogContext.trial(control.trial().jobId(), control.trial().number())) {
                beat(control);
            }
        }
        try {
            afterEachRound.run();
        } catch (RuntimeException | OutOfMemoryError e) {
            log.warn("Worker registration heartbeat failed: {}", e.toString());
        }
    }

    private void beat(TrialControl control) {
        try {
            control.onLeaseCheck(queue.heartbeat(control.trial().lease()));
        } catch (DataAccessException e) {
            metrics.heartbeatFailed();
            log.warn("Heartbeat failed trialId={}: {}", control.trial().trialId(), e.getMessage());
        } catch (RuntimeException | OutOfMemoryError e) {
            // an OutOfMemoryError here belongs to a trial that exhausted memory (it fails for it
            // on its own thread); a throwable escaping would cancel every later heartbeat round
            metrics.heartbeatFailed();
            log.error(
                    "Heartbeat failed unexpectedly trialId={}; will keep trying",
                    control.trial().trialId(),
                    e);
        }
    }
}
