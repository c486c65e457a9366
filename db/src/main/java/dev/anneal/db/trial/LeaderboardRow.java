package dev.anneal.db.trial;

import java.time.Instant;

/**
 * One finished trial in a job's ranking; {@code rank} starts at 1.
 *
 * @param state COMPLETED, or PRUNED (ranked after every completed trial, by its last value)
 */
public record LeaderboardRow(
        int rank,
        int trialNumber,
        TrialState state,
        double value,
        String paramsJson,
        int epochsTrained,
        Integer bestEpoch,
        long durationMs,
        Instant finishedAt) {}
