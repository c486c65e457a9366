package dev.anneal.db.trial;

/** A running trial whose worker stopped heartbeating, and the state the reaper gave it. */
public record ReapedTrial(long trialId, long jobId, int number, TrialState newState, String lastWorkerId) {}
