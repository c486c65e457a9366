package dev.anneal.tuner.study;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * What a sampler knows about one trial: a read-only snapshot, deliberately coarser than the
 * stored trial state.
 *
 * @param value the objective value of a {@link Status#COMPLETE} trial; for a {@link
 *     Status#PRUNED} one, its last intermediate value (if it reported any), reached at {@code
 *     step}; empty otherwise
 * @param step for a pruned trial, the step (epoch) its last intermediate value was reported at:
 *     how far it got before its pruner stopped it; 0 otherwise
 */
public record TrialView(int number, Status status, Map<String, Object> params, OptionalDouble value, int step) {

    public TrialView {
        params = Map.copyOf(params);
    }

    /** A trial without a step: anything but a pruned trial with a value. */
    public TrialView(int number, Status status, Map<String, Object> params, OptionalDouble value) {
        this(number, status, params, value, 0);
    }

    public enum Status {
        /** Queued or running: its parameters are taken, its value is not known yet. */
        PENDING,
        COMPLETE,
        PRUNED,
        FAILED
    }
}
