package dev.anneal.db.shared;

/**
 * Published in-process when an embedded worker is done with a trial, so the scheduler can fill
 * the freed slot at once instead of at its next periodic pass.
 */
public record TrialFinishedEvent(long jobId, long trialId, TrialOutcome outcome) {}
