package dev.anneal.db.trial;

/** What a lease holder learns when it heartbeats or reports an epoch. */
public enum LeaseCheck {
    /** The lease is valid and nobody asked the trial to stop. */
    CONTINUE,
    /** The job was cancelled: stop and finish the trial as CANCELLED. */
    CANCEL,
    /** A pruner decided the trial is not promising: stop and finish it as PRUNED. */
    PRUNE,
    /** The lease is gone (requeued or finished by someone else): stop and write nothing. */
    LOST;

    static LeaseCheck fromStopRequest(String stopRequest) {
        if (stopRequest == null) {
            return CONTINUE;
        }
        return LeaseCheck.valueOf(stopRequest);
    }

    public boolean shouldStop() {
        return this != CONTINUE;
    }
}
