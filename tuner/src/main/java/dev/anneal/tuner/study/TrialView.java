package dev.anneal.tuner.study;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What a sampler knows about one trial: a read-only snapshot, deliberately coarser than the
 * stored trial state.
 *
 * @param value the objective value of a {@link Status#COMPLETE} trial (the first objective's, in
 *     a study of several); for a {@link Status#PRUNED} one, its last intermediate value (if it
 *     reported any), reached at {@code step}; empty otherwise
 * @param step for a pruned trial, the step (epoch) its last intermediate value was reported at:
 *     how far it got before its pruner stopped it; 0 otherwise
 * @param values a completed trial's objective values, one per {@link StudyView#directions()
 *     objective} in the study's order; empty when unknown
 * @param constraints a completed trial's constraint values, each satisfied when ≤ 0 (Optuna's
 *     convention: a bound {@code max} on a metric m gives m − max); empty when the study has none
 */
public record TrialView(
        int number,
        Status status,
        Map<String, Object> params,
        OptionalDouble value,
        int step,
        List<Double> values,
        List<Double> constraints) {

    public TrialView {
        params = Map.copyOf(params);
        values = List.copyOf(values);
        constraints = List.copyOf(constraints);
    }

    /** A single-objective trial: its values are its one value, if known. */
    public TrialView(int number, Status status, Map<String, Object> params, OptionalDouble value, int step) {
        this(
                number,
                status,
                params,
                value,
                step,
                status == Status.COMPLETE && value.isPresent() ? List.of(value.getAsDouble()) : List.of(),
                List.of());
    }

    /** A trial without a step: anything but a pruned trial with a value. */
    public TrialView(int number, Status status, Map<String, Object> params, OptionalDouble value) {
        this(number, status, params, value, 0);
    }

    /** A completed trial of a study with several objectives and, optionally, constraints. */
    public static TrialView completed(
            int number, Map<String, Object> params, List<Double> values, List<Double> constraints) {
        return new TrialView(
                number,
                Status.COMPLETE,
                params,
                values.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(values.get(0)),
                0,
                values,
                constraints);
    }

    /**
     * The total constraint violation: the sum of the positive constraint values, 0 when feasible
     * (or without constraints).
     */
    public double violation() {
        double sum = 0;
        for (double c : constraints) {
            sum += c > 0 ? c : 0;
        }
        return sum;
    }

    public boolean feasible() {
        return violation() == 0;
    }

    public enum Status {
        /** Queued or running: its parameters are taken, its value is not known yet. */
        PENDING,
        COMPLETE,
        PRUNED,
        FAILED
    }
}
