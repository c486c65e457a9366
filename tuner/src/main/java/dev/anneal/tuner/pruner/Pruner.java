package dev.anneal.tuner.pruner;

/**
 * Early stopping across trials: after a running trial reports an intermediate value, decides
 * whether it should go on. A pruner holds no state of its own; everything it needs is in the
 * {@link Report}, so any number of workers on any machines can ask it about the same job and
 * agree, as long as they read the same stored values.
 */
public interface Pruner {

    /** Decides about the trial that just reported {@code report.value()}. */
    Verdict judge(Report report);
}
