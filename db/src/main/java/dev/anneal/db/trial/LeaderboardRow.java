package dev.anneal.db.trial;

import java.time.Instant;

/** One completed trial in a job's ranking; {@code rank} starts at 1. */
public record LeaderboardRow(
        int rank,
        int trialNumber,
        double value,
        String paramsJson,
        int epochsTrained,
        Integer bestEpoch,
        long durationMs,
        Instant finishedAt) {}
