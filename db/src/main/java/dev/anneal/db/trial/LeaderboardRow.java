package dev.anneal.db.trial;

import java.time.Instant;

/**
 * One finished trial in a job's ranking; {@code rank} starts at 1.
 *
 * @param state COMPLETED, or PRUNED (ranked after every completed trial, by its last value)
 * @param values jobs with several objectives or constraints: every objective's value (else empty)
 * @param constraints each constraint's value, met when ≤ 0 (empty without constraints)
 * @param paretoRank jobs with several objectives or constraints: 0 on the feasible Pareto front
 * @param costJson the kept network's measured cost (a JSON object), or null
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
        Instant finishedAt,
        java.util.List<Double> values,
        java.util.List<Double> constraints,
        Integer paretoRank,
        String costJson) {

    /** Whether every constraint holds (true without constraints). */
    public boolean feasible() {
        return constraints.stream().allMatch(c -> c <= 0);
    }
}
