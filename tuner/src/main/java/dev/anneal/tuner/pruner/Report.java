package dev.anneal.tuner.pruner;

import dev.anneal.tuner.study.Direction;
import java.util.List;

/**
 * One intermediate value of a running trial, with what the job's other trials reported at the
 * same step: all a pruner may look at.
 *
 * @param step the epoch (DL4J jobs, from 1) or the client's step (external jobs, from 0)
 * @param value the trial's objective value at {@code step}
 * @param best the trial's best value at any step up to {@code step}, {@code value} included
 * @param maxStep the trial's last step (its epochs), or {@link Integer#MAX_VALUE} when unknown
 * @param peers the values the job's other trials reported at this same step
 */
public record Report(
        int trialNumber, int step, double value, double best, int maxStep, Direction direction, List<Peer> peers) {

    public Report {
        peers = List.copyOf(peers);
    }

    /**
     * Another trial's value at the report's step.
     *
     * @param completed whether that trial finished all its steps (some pruners only trust those)
     */
    public record Peer(int trialNumber, boolean completed, double value) {}
}
