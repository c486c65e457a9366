package dev.anneal.db.shared;

/** How a worker's run of a trial ended, as counted in metrics and announced in events. */
public enum TrialOutcome {
    COMPLETED,
    FAILED,
    CANCELLED,
    PRUNED,
    /** Given back to the queue because this worker is shutting down. */
    RELEASED,
    /** Someone else owns the trial now (it was reaped or requeued); nothing was written. */
    LEASE_LOST,
    /**
     * The worker could not write an outcome (the database was unreachable); the trial stays
     * RUNNING until the reaper requeues it.
     */
    ABANDONED
}
