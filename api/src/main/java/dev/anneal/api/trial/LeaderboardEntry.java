package dev.anneal.api.trial;

import dev.anneal.db.trial.LeaderboardRow;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One row of a job's leaderboard.
 *
 * @param epochs epochs the trial trained
 * @param bestEpoch the epoch whose value is the objective (with the default {@code epoch: best})
 */
record LeaderboardEntry(
        int rank,
        int trialNumber,
        double value,
        JsonNode params,
        int epochs,
        Integer bestEpoch,
        long durationMs,
        Instant finishedAt) {

    static LeaderboardEntry of(LeaderboardRow row, JsonNode params) {
        return new LeaderboardEntry(
                row.rank(),
                row.trialNumber(),
                row.value(),
                params,
                row.epochsTrained(),
                row.bestEpoch(),
                row.durationMs(),
                row.finishedAt());
    }
}
