package dev.anneal.worker.claim;

import dev.anneal.db.shared.LogContext;
import dev.anneal.db.shared.TrialFinishedEvent;
import dev.anneal.db.shared.TrialOutcome;
import dev.anneal.db.shared.WorkSignal;
import dev.anneal.db.trial.ClaimedTrial;
import dev.anneal.db.trial.TrialQueue;
import dev.anneal.worker.config.Nd4jThreads;
import dev.anneal.worker.config.TrialMemory;
import dev.anneal.worker.config.WorkerProperties;
import dev.anneal.worker.metrics.WorkerMetrics;
import dev.anneal.worker.run.TrialControl;
import dev.anneal.worker.run.TrialRunner;
import dev.anneal.worker.train.TrainingWarmUp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.context.SmartLifecycle;

/**
 * A worker: a fixed number of trial slots fed by one claim loop. The loop claims at most as many
 * trials as it has free slots (never more than it can run now, so other workers get the rest),
 * then sleeps until woken by new work, a freed slot or the poll interval.
 *
 * <p>On shutdown it stops claiming, asks running trials to stop at their next mini-batch and
 * gives them back to the queue, so a restart re-runs them at once instead of waiting for the
 * reaper.
 */
public class WorkerPool implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkerPool.class);
    private static final Duration ERROR_BACKOFF = Duration.ofSeconds(2);

    private final String workerId;
    private final WorkerProperties properties;
    /** Fixed at construction: the effective counts ask the JVM for its processors each time. */
    private final int slots;

    private final int threadsPerTrial;
    private final TrialQueue queue;
    private final TrialRunner runner;
    private final Heartbeater heartbeater;
    private final WorkSignal signal;
    private final WorkerMetrics metrics;
    private final WorkerRegistration registration;
    private final Consumer<TrialFinishedEvent> finishedListener;
    /** The trials this pool is running; its size is the number of busy slots. */
    private final Map<Long, TrialControl> active = new ConcurrentHashMap<>();

    private volatile boolean running;
    private ExecutorService trials;
    private Thread claimLoop;

    public WorkerPool(
            String workerId,
            WorkerProperties properties,
            TrialQueue queue,
            TrialRunner runner,
            Heartbeater heartbeater,
            WorkSignal signal,
            WorkerMetrics metrics,
            WorkerRegistration registration,
            Consumer<TrialFinishedEvent> finishedListener) {
        this.workerId = workerId;
        this.properties = properties;
        this.slots = properties.effectiveSlots();
        this.threadsPerTrial = properties.effectiveThreadsPerTrial();
        this.queue = queue;
        this.runner = runner;
        this.heartbeater = heartbeater;
        this.signal = signal;
        this.metrics = metrics;
        this.registration = registration;
        this.finishedListener = finishedListener;
    }

    public String workerId() {
        return workerId;
    }

    public int busySlots() {
        return active.size();
    }

    @Override
    public synchronized void start() {
        if (running || slots == 0) {
            return;
        }
        AtomicInteger n = new AtomicInteger();
        trials = Executors.newFixedThreadPool(slots, r -> new Thread(r, "anneal-trial-" + n.incrementAndGet()));
        running = true;
        heartbeater.afterEachRound(() -> registration.beat(busySlots()));
        heartbeater.start();
        claimLoop = new Thread(this::claimLoop, "anneal-claim");
        claimLoop.start();
        log.info("Worker {} started: {} slot(s), {} ND4J thread(s) per trial", workerId, slots, threadsPerTrial);
    }

    /**
     * Claims trials for the free slots and starts them.
     *
     * @return how many trials were claimed
     */
    public int claimOnce() {
        int free = slots - active.size();
        if (free <= 0) {
            return 0;
        }
        List<ClaimedTrial> claimed = metrics.claimLatency().record(() -> queue.claim(workerId, free));
        for (ClaimedTrial trial : claimed) {
            TrialControl control = new TrialControl(trial);
            Instant claimedAt = Instant.now();
            active.put(trial.trialId(), control);
            heartbeater.track(control);
            metrics.trialStarted();
            trials.execute(() -> runTrial(control, claimedAt));
        }
        return claimed.size();
    }

    private void claimLoop() {
        // loading ND4J's native backend takes seconds: do it here rather than hold up startup
        Nd4jThreads.limit(threadsPerTrial);
        if (properties.warmUp()) {
            startWarmUp();
        }
        while (running) {
            try {
                if (claimOnce() == 0) {
                    signal.await(properties.pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | OutOfMemoryError e) {
                // database down or restarting, or memory taken by a trial that is about to fail
                // for it (an OutOfMemoryError strikes whichever thread allocates next): keep the
                // loop alive and retry, or this worker would never claim again
                log.warn("Claiming failed, retrying in {}: {}", ERROR_BACKOFF, e.toString());
                sleepQuietly(ERROR_BACKOFF);
            }
        }
    }

    /**
     * Beside claiming, not before it: a trial claimed meanwhile shares the class loading and
     * first-call work instead of waiting for it. A failed warm-up costs nothing but its log line.
     */
    private void startWarmUp() {
        Thread t = new Thread(
                () -> {
                    try {
                        log.info("Training warm-up done in {} ms", TrainingWarmUp.run());
                    } catch (RuntimeException | Error e) {
                        log.warn("Training warm-up failed; the first trial pays its costs instead: {}", e.toString());
                    }
                },
                "anneal-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private void runTrial(TrialControl control, Instant claimedAt) {
        ClaimedTrial trial = control.trial();
        MDC.put(LogContext.JOB, Long.toString(trial.jobId()));
        MDC.put(LogContext.TRIAL_ID, Long.toString(trial.trialId()));
        MDC.put(LogContext.TRIAL, Integer.toString(trial.number()));
        TrialOutcome outcome = TrialOutcome.FAILED;
        try {
            log.info("Trial started attempt={} params={}", trial.attempt(), trial.paramsJson());
            outcome = runner.run(control);
            log.info("Trial finished outcome={}", outcome);
        } catch (RuntimeException | Error e) {
            outcome = TrialOutcome.ABANDONED;
            log.error("Trial abandoned: its outcome could not be written; the reaper will requeue it", e);
        } finally {
            heartbeater.untrack(control);
            active.remove(trial.trialId());
            registration.trialDone();
            metrics.trialFinished(outcome, Duration.between(claimedAt, Instant.now()));
            MDC.clear();
            TrialMemory.releaseAfterTrial();
            signal.wake();
            finishedListener.accept(new TrialFinishedEvent(trial.jobId(), trial.trialId(), outcome));
        }
    }

    @Override
    public void stop() {
        Thread loop;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            loop = claimLoop;
        }
        signal.wake();
        joinQuietly(loop);
        active.values().forEach(TrialControl::requestShutdown);
        trials.shutdown();
        try {
            if (!trials.awaitTermination(properties.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn(
                        "{} trial(s) still running after {}; the reaper will requeue them",
                        active.size(),
                        properties.shutdownGrace());
                trials.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        heartbeater.stop();
        registration.stopped();
        log.info("Worker {} stopped", workerId);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop before the web server and data source go away (lower phases stop later). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private static void sleepQuietly(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
