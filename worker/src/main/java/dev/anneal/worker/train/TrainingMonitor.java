package dev.anneal.worker.train;

import java.util.Map;

/** How a running training talks to whoever runs it: stop checks and per-epoch reports. */
public interface TrainingMonitor {

    /** Polled between mini-batches, so a stop request takes effect within one batch. */
    boolean stopRequested();

    /**
     * Called when an epoch's mini-batches are trained, before validation; a hook for profiling
     * ({@code anneal-bench trial-profile}), nothing to do for the worker.
     */
    default void epochTrained(int epoch) {}

    /**
     * Called after every epoch with its validation metrics.
     *
     * @return {@code false} to stop training now
     */
    boolean afterEpoch(int epoch, Map<String, Double> metrics);
}
