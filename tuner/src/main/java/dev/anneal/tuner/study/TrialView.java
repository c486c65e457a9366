package dev.anneal.tuner.study;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * What a sampler knows about one trial: a read-only snapshot, deliberately coarser than the
 * stored trial state.
 *
 * @param value the objective value; present only for {@link Status#COMPLETE} trials
 */
public record TrialView(int number, Status status, Map<String, Object> params, OptionalDouble value) {

    public TrialView {
        params = Map.copyOf(params);
    }

    public enum Status {
        /** Queued or running: its parameters are taken, its value is not known yet. */
        PENDING,
        COMPLETE,
        PRUNED,
        FAILED
    }
}
