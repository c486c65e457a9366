package dev.anneal.db.shared;

/**
 * Every Micrometer meter Anneal registers, in one place. Tags never carry job or trial ids:
 * those are unbounded and belong in logs (MDC), not in time series.
 */
public final class AnnealMetricNames {

    /** Counter: trials a worker claimed and started. */
    public static final String TRIALS_STARTED = "anneal.trials.started";
    /** Counter, tag {@code outcome}: trials that ended on this worker. */
    public static final String TRIALS_FINISHED = "anneal.trials.finished";
    /** Timer, tag {@code outcome}: claim to finish. */
    public static final String TRIAL_DURATION = "anneal.trial.duration";
    /** Counter: epochs trained. */
    public static final String EPOCHS_TRAINED = "anneal.epochs.trained";
    /** Gauge: trial slots of this process's workers. */
    public static final String WORKER_SLOTS = "anneal.workers.slots";
    /** Gauge: slots running a trial right now. */
    public static final String WORKERS_BUSY = "anneal.workers.busy";
    /** Counter: heartbeats that could not be written (database unreachable). */
    public static final String HEARTBEAT_FAILURES = "anneal.worker.heartbeat.failures";
    /** Gauge: queued trials across all jobs, read from the database. */
    public static final String TRIALS_QUEUED = "anneal.trials.queued";
    /** Gauge: running trials across all jobs and workers (DL4J and external), read from the database. */
    public static final String TRIALS_RUNNING = "anneal.trials.running";
    /** Timer: one claim statement (queue to worker), whether or not it found trials. */
    public static final String CLAIM_LATENCY = "anneal.worker.claim.latency";
    /**
     * Counter, tag {@code state}: trials the reaper took back because their worker missed its
     * heartbeats for {@code dead-after} (the server's count of missed heartbeats).
     */
    public static final String TRIALS_REAPED = "anneal.trials.reaped";
    /** Counter: external trials failed because their client did not tell them in time. */
    public static final String TRIALS_EXPIRED = "anneal.trials.expired";
    /** Timer, tag {@code algorithm}: time to sample one trial's parameters. */
    public static final String SAMPLER_LATENCY = "anneal.sampler.latency";

    /** Timer: one scheduler pass over one job (sampling and queueing its new trials). */
    public static final String RECONCILE_DURATION = "anneal.scheduler.reconcile";

    /** Timer: one fit of a job's parameter importance, made when no cached answer fits its completed trials. */
    public static final String IMPORTANCE_FIT = "anneal.importance.fit";

    /** Gauge: open job event streams (Server-Sent Events) on this server. */
    public static final String EVENT_STREAMS = "anneal.events.streams";

    /** Timer, tags {@code uri}, {@code method}, {@code status}, {@code outcome}: Spring's HTTP server metrics. */
    public static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    public static final String TAG_OUTCOME = "outcome";

    private AnnealMetricNames() {}
}
