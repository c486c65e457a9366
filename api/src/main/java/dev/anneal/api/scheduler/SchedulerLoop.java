package dev.anneal.api.scheduler;

import dev.anneal.api.job.JobSubmittedEvent;
import dev.anneal.db.shared.LogContext;
import dev.anneal.db.shared.TrialFinishedEvent;
import dev.anneal.db.shared.WorkSignal;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The scheduler's thread: reconciles every unfinished job and reaps stale trials, at a fixed
 * interval and at once when a job is submitted or a trial finishes in this process. The logic
 * lives in {@link JobReconciler} and {@link StaleTrialReaper}; this class only decides when.
 */
@Component
class SchedulerLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SchedulerLoop.class);

    private final JobReconciler reconciler;
    private final StaleTrialReaper reaper;
    private final SchedulerProperties properties;
    private final SchedulerMetrics metrics;
    private final WorkSignal workers;
    private final WorkSignal wakeups = new WorkSignal();
    private volatile boolean running;
    private Thread thread;
    private long nextReapNanos;

    SchedulerLoop(
            JobReconciler reconciler,
            StaleTrialReaper reaper,
            SchedulerProperties properties,
            SchedulerMetrics metrics,
            WorkSignal workers) {
        this.reconciler = reconciler;
        this.reaper = reaper;
        this.properties = properties;
        this.metrics = metrics;
        this.workers = workers;
    }

    @TransactionalEventListener
    void onJobSubmitted(JobSubmittedEvent event) {
        wakeups.wake();
    }

    @EventListener
    void onTrialFinished(TrialFinishedEvent event) {
        wakeups.wake();
    }

    /** One pass over all unfinished jobs; returns how many trials were created. */
    int reconcileAll() {
        int created = 0;
        for (long jobId : reconciler.unfinishedJobs()) {
            try (var context = LogContext.job(jobId)) {
                created += metrics.reconcile()
                        .record(() -> reconciler.reconcile(jobId))
                        .created();
            } catch (RuntimeException e) {
                log.error("Reconciling job failed jobId={}; will retry on the next pass", jobId, e);
            }
        }
        if (created > 0) {
            workers.wake();
        }
        return created;
    }

    private void loop() {
        while (running) {
            try {
                if (System.nanoTime() >= nextReapNanos) {
                    if (!reaper.reapOnce().isEmpty()) {
                        workers.wake();
                    }
                    nextReapNanos =
                            System.nanoTime() + properties.reapInterval().toNanos();
                }
                reconcileAll();
                wakeups.await(properties.interval());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // typically the database is restarting: keep going, the next pass retries
                log.warn("Scheduler pass failed: {}", e.getMessage());
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::loop, "anneal-scheduler");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        wakeups.wake();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
