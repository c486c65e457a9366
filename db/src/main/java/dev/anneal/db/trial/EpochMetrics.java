package dev.anneal.db.trial;

import java.time.Instant;

/** The metrics recorded after one epoch, as a JSON object of metric name to number. */
public record EpochMetrics(long trialId, int epoch, String metricsJson, Instant recordedAt) {}
