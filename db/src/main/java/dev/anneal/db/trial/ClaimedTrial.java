package dev.anneal.db.trial;

/** A trial a worker has just claimed, with what it needs to run it. */
public record ClaimedTrial(long jobId, int number, String paramsJson, int attempt, Lease lease) {

    public long trialId() {
        return lease.trialId();
    }
}
