package dev.anneal.db.job;

/** Who evaluates a job's trials. Mirrored by the CHECK constraint on {@code job.execution}. */
public enum JobExecution {
    /** Anneal's workers train each trial with DL4J on the job's dataset. */
    DL4J,
    /**
     * The client evaluates each trial and reports it over HTTP (ask/tell). Workers never claim
     * these trials and the scheduler never creates them: each ask does.
     */
    EXTERNAL
}
