package dev.anneal.db.trial;

/**
 * The right to write to one running trial. {@code version} changes on every claim, requeue
 * and release, so a worker that lost its lease (it stalled past the reaper's deadline, or the
 * server restarted) can no longer change the trial: its writes update zero rows.
 */
public record Lease(long trialId, long version) {}
