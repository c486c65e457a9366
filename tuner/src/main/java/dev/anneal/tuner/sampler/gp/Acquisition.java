package dev.anneal.tuner.sampler.gp;

/**
 * A function of a unit-space point that the {@link AcquisitionOptimizer} maximizes: log expected
 * improvement, log expected hypervolume improvement, either plus the log probability of meeting
 * the constraints. Logs keep the tails informative where the plain quantities underflow.
 */
interface Acquisition {

    double value(double[] x);

    /**
     * The value at {@code x}, with its gradient over the numeric dimensions written to {@code
     * gradient} (categorical entries 0).
     */
    double valueAndGradient(double[] x, double[] gradient);
}
