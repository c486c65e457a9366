package dev.anneal.db.trial;

import java.time.Instant;

/**
 * The metrics recorded after one epoch, as a JSON object of metric name to number.
 *
 * @param pruning the pruner's judgement at this epoch, or null when it made none
 */
public record EpochMetrics(long trialId, int epoch, String metricsJson, String pruning, Instant recordedAt) {}
