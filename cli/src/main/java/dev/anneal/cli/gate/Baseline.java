package dev.anneal.cli.gate;

import dev.anneal.cli.http.JobView;

/**
 * What a regression gate compares against: a completed job, or none (no job matched the
 * baseline tag yet, as on the first run of a pipeline).
 *
 * @param source how it was chosen, for messages: {@code job 12} or {@code tag branch=main}
 * @param job the baseline job, or null when none matched
 */
public record Baseline(String source, JobView job) {}
