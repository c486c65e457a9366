package dev.anneal.api.trial;

import dev.anneal.db.trial.LeaderboardRow;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One row of a job's leaderboard: every COMPLETED trial ranks above every PRUNED one.
 *
 * @param state COMPLETED, or PRUNED: stopped by the job's pruner, ranked by its last
 *     intermediate value (its {@code value}, reached at {@code bestEpoch}) after the completed
 * @param epochs epochs the trial trained
 * @param bestEpoch the epoch whose value is the objective (with the default {@code epoch: best})
 */
record LeaderboardEntry(
        int rank,
        int trialNumber,
        String state,
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
                row.state().name(),
                row.value(),
                params,
                row.epochsTrained(),
                row.bestEpoch(),
                row.durationMs(),
                row.finishedAt());
    }
}
