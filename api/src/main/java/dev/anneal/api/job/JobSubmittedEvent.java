package dev.anneal.api.job;

/** Published after a job is stored, so the scheduler starts it without waiting for its next pass. */
public record JobSubmittedEvent(long jobId) {}
