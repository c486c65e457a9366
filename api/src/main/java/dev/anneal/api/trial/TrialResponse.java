package dev.anneal.api.trial;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.anneal.db.trial.TrialEntity;
import dev.anneal.db.trial.TrialState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A trial. The list endpoint leaves out {@code metrics} (the per-epoch learning curve) and
 * {@code preprocessing} (statistics fitted on the training split); the single-trial endpoint
 * has both. Trials of external jobs have a {@code clientId} (if their client gave one) and an
 * {@code expiresAt} deadline instead of a worker, and their {@code epochsTrained} is the highest
 * step reported. A PRUNED trial's {@code value} is its last intermediate value, reached at
 * {@code bestEpoch}, and {@code pruneReason} says why its job's pruner stopped it; each point of
 * the curve where the pruner judged has a {@code pruning} field with that judgement. With k-fold
 * validation, {@code foldValues} holds each fold's objective at {@code bestEpoch} ({@code value}
 * is their mean). Trials of jobs with several objectives or with constraints have {@code values}
 * (each objective's, in the job's order; {@code value} is the first), {@code constraints} (each
 * constraint's value, met when ≤ 0), {@code feasible} and {@code paretoRank} (0: on the Pareto
 * front of the job's feasible trials). DL4J classification and regression trials have {@code cost}:
 * the kept network's {@code parameters}, {@code model_bytes}, {@code inference_ms} and {@code
 * train_seconds}.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record TrialResponse(
        int number,
        String state,
        JsonNode params,
        Double value,
        Integer bestEpoch,
        int epochsTrained,
        int attempt,
        String workerId,
        String clientId,
        Instant expiresAt,
        String failureReason,
        String pruneReason,
        Instant queuedAt,
        Instant startedAt,
        Instant finishedAt,
        Long durationMs,
        List<JsonNode> metrics,
        JsonNode preprocessing,
        JsonNode foldValues,
        List<Double> values,
        List<Double> constraints,
        Boolean feasible,
        Integer paretoRank,
        JsonNode cost) {

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    public static TrialResponse summary(TrialEntity t, JsonNode params) {
        return of(t, params, null, null, null);
    }

    static TrialResponse of(
            TrialEntity t, JsonNode params, List<JsonNode> metrics, JsonNode preprocessing, JsonNode foldValues) {
        Long duration = null;
        if (t.getStartedAt() != null) {
            Instant end = t.getFinishedAt() != null ? t.getFinishedAt() : Instant.now();
            duration = Duration.between(t.getStartedAt(), end).toMillis();
        }
        return new TrialResponse(
                t.getNumber(),
                t.getState().name(),
                params,
                t.getValue(),
                t.getBestEpoch(),
                t.getEpochsTrained(),
                t.getAttempt(),
                t.getWorkerId(),
                t.getClientId(),
                t.getState() == TrialState.RUNNING ? t.getExpiresAt() : null,
                t.getFailureReason(),
                t.getPruneReason(),
                t.getQueuedAt(),
                t.getStartedAt(),
                t.getFinishedAt(),
                duration,
                metrics,
                preprocessing,
                foldValues,
                t.getObjectiveValues().isEmpty() ? null : t.getObjectiveValues(),
                t.getConstraintValues().isEmpty() ? null : t.getConstraintValues(),
                t.getConstraintValues().isEmpty()
                        ? null
                        : t.getConstraintValues().stream().allMatch(c -> c <= 0),
                t.getParetoRank(),
                t.getCost() == null ? null : JSON.readTree(t.getCost()));
    }
}
