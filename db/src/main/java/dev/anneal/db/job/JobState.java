package dev.anneal.db.job;

import java.util.EnumSet;
import java.util.Set;

/** Lifecycle of a tuning job. Mirrored by the CHECK constraint on {@code job.state}. */
public enum JobState {
    /** Accepted; the scheduler has not created trials yet. */
    QUEUED,
    /** The scheduler is creating trials and workers are running them. */
    RUNNING,
    /** Every trial finished and at least one completed. */
    COMPLETED,
    /** The job could not produce a result (for example every trial failed). */
    FAILED,
    /** Stopped on request; finished trials stay on the leaderboard. */
    CANCELLED;

    public boolean isFinished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    public boolean canTransitionTo(JobState next) {
        return allowedNext().contains(next);
    }

    private Set<JobState> allowedNext() {
        return switch (this) {
            case QUEUED -> EnumSet.of(RUNNING, FAILED, CANCELLED);
            case RUNNING -> EnumSet.of(COMPLETED, FAILED, CANCELLED);
            case COMPLETED, FAILED, CANCELLED -> EnumSet.noneOf(JobState.class);
        };
    }
}
