package dev.anneal.worker.run;

import dev.anneal.db.trial.ClaimedTrial;
import dev.anneal.db.trial.LeaseCheck;

/**
 * The running state of one claimed trial, shared by the training thread (which polls it) and
 * the heartbeat thread and pool (which set it). A stop request from the database, a lost lease
 * or a worker shutdown all surface here as a reason to stop.
 */
public final class TrialControl {

    private final ClaimedTrial trial;
    private volatile LeaseCheck leaseCheck = LeaseCheck.CONTINUE;
    private volatile boolean shuttingDown;
    private volatile boolean pruned;

    public TrialControl(ClaimedTrial trial) {
        this.trial = trial;
    }

    public ClaimedTrial trial() {
        return trial;
    }

    /** Records what the latest heartbeat or report learned; a stop, once seen, sticks. */
    public void onLeaseCheck(LeaseCheck check) {
        if (!leaseCheck.shouldStop()) {
            leaseCheck = check;
        }
    }

    public LeaseCheck leaseCheck() {
        return leaseCheck;
    }

    /** The worker is stopping: the trial should end at the next batch and go back to the queue. */
    public void requestShutdown() {
        shuttingDown = true;
    }

    public boolean shuttingDown() {
        return shuttingDown;
    }

    /** The job's pruner stopped the trial and its PRUNED outcome is written: training should end. */
    public void markPruned() {
        pruned = true;
    }

    public boolean pruned() {
        return pruned;
    }

    public boolean shouldStop() {
        return shuttingDown || pruned || leaseCheck.shouldStop();
    }
}
