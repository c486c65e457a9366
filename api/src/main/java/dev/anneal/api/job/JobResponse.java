package dev.anneal.api.job;

import dev.anneal.db.job.JobEntity;
import dev.anneal.db.trial.LeaderboardRow;
import dev.anneal.db.trial.TrialState;
import dev.anneal.spec.DirectionJson;
import dev.anneal.spec.JobSpec;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A job as the API shows it: its state, trial counts, best trial so far and the normalized spec
 * it runs (every default filled in, including the seed). External jobs have no dataset, task or
 * objective epoch: those are null.
 */
public record JobResponse(
        long id,
        String name,
        String execution,
        String state,
        String stateReason,
        String dataset,
        String task,
        String algorithm,
        long seed,
        Objective objective,
        int maxTrials,
        int parallelism,
        TrialCounts trials,
        BestTrial best,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        JsonNode spec,
        Map<String, String> tags,
        Map<String, String> links) {

    public record Objective(String metric, String direction, String epoch) {}

    public record TrialCounts(
            long total, long queued, long running, long completed, long failed, long pruned, long cancelled) {

        static TrialCounts of(Map<TrialState, Long> counts) {
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            return new TrialCounts(
                    total,
                    counts.getOrDefault(TrialState.QUEUED, 0L),
                    counts.getOrDefault(TrialState.RUNNING, 0L),
                    counts.getOrDefault(TrialState.COMPLETED, 0L),
                    counts.getOrDefault(TrialState.FAILED, 0L),
                    counts.getOrDefault(TrialState.PRUNED, 0L),
                    counts.getOrDefault(TrialState.CANCELLED, 0L));
        }
    }

    public record BestTrial(int trialNumber, double value, Integer bestEpoch, JsonNode params) {}

    /**
     * @param spec the job's stored spec, read
     * @param stored the same spec as stored, shown to clients unchanged
     */
    static JobResponse of(
            JobEntity job,
            JobSpec spec,
            JsonNode stored,
            Map<String, String> tags,
            Map<TrialState, Long> counts,
            BestTrial best) {
        var objective = spec.objective();
        String self = "/api/v1/jobs/" + job.getId();
        return new JobResponse(
                job.getId(),
                job.getName(),
                job.getExecution().name().toLowerCase(Locale.ROOT),
                job.getState().name(),
                job.getStateReason(),
                spec.dataset(),
                spec.task(),
                job.getAlgorithm(),
                spec.algorithm().seed(),
                new Objective(objective.metric(), DirectionJson.spelling(objective.direction()), objective.epoch()),
                job.getMaxTrials(),
                job.getParallelism(),
                TrialCounts.of(counts),
                best,
                job.getCreatedAt(),
                job.getStartedAt(),
                job.getFinishedAt(),
                stored,
                tags,
                Map.of("self", self, "trials", self + "/trials", "leaderboard", self + "/leaderboard"));
    }

    static BestTrial best(LeaderboardRow row, JsonNode params) {
        return row == null ? null : new BestTrial(row.trialNumber(), row.value(), row.bestEpoch(), params);
    }
}
