package dev.anneal.api.trial;

import dev.anneal.db.trial.LeaderboardRow;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One row of a job's leaderboard: every COMPLETED trial ranks above every PRUNED one.
 *
 * @param state COMPLETED, or PRUNED: stopped by the job's pruner, ranked by its last
 *     intermediate value (its {@code value}, reached at {@code bestEpoch}) after the completed
 * @param epochs epochs the trial trained
 * @param bestEpoch the epoch whose value is the objective (with the default {@code epoch: best})
 * @param values jobs with several objectives (or constraints): each objective's value in the job's
 *     order ({@code value} is the first); absent otherwise
 * @param constraints each constraint's value, met when ≤ 0; {@code feasible} when all are
 * @param paretoRank 0 on the Pareto front of the feasible trials, 1 on the front behind it, ...
 * @param cost DL4J classification and regression trials: {@code parameters}, {@code model_bytes},
 *     {@code inference_ms}, {@code train_seconds} of the kept network
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
        Instant finishedAt,
        List<Double> values,
        List<Double> constraints,
        Boolean feasible,
        Integer paretoRank,
        JsonNode cost) {

    static LeaderboardEntry of(LeaderboardRow row, JsonNode params, JsonNode cost) {
        return new LeaderboardEntry(
                row.rank(),
                row.trialNumber(),
                row.state().name(),
                row.value(),
                params,
                row.epochsTrained(),
                row.bestEpoch(),
                row.durationMs(),
                row.finishedAt(),
                row.values().isEmpty() ? null : row.values(),
                row.constraints().isEmpty() ? null : row.constraints(),
                row.constraints().isEmpty() ? null : row.feasible(),
                row.paretoRank(),
                cost);
    }
}
