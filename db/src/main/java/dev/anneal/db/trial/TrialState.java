package dev.anneal.db.trial;

import java.util.EnumSet;
import java.util.Set;

/**
 * Lifecycle of a trial. Mirrored by the CHECK constraint on {@code trial.state}, and enforced by
 * the {@code trial_state_transition} trigger (V12): an update to a state this table does not
 * allow fails in the database, whatever statement issues it ({@code TrialStateMachineIT} checks
 * the two agree). DL4J trials start QUEUED; external trials start RUNNING (an ask is the claim) and never
 * go back to QUEUED.
 */
public enum TrialState {
    QUEUED,
    RUNNING,
    COMPLETED,
    FAILED,
    PRUNED,
    CANCELLED;

    public boolean isFinished() {
        return this != QUEUED && this != RUNNING;
    }

    public boolean canTransitionTo(TrialState next) {
        return allowedNext().contains(next);
    }

    private Set<TrialState> allowedNext() {
        return switch (this) {
            // RUNNING -> QUEUED is the reaper requeueing a trial whose worker died
            case QUEUED -> EnumSet.of(RUNNING, CANCELLED);
            case RUNNING -> EnumSet.of(QUEUED, COMPLETED, FAILED, PRUNED, CANCELLED);
            case COMPLETED, FAILED, PRUNED, CANCELLED -> EnumSet.noneOf(TrialState.class);
        };
    }
}
