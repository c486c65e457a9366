package dev.anneal.cli.gate;

import dev.anneal.cli.http.JobView;

/**
 * A condition a completed job must meet for the build to pass. Gates are evaluated once, after
 * the job finished COMPLETED; a job that failed, was cancelled or timed out leaves every gate
 * {@link GateResult.Outcome#SKIPPED}.
 */
public sealed interface Gate permits ThresholdGate, RegressionGate {

    /** How the gate is named in output and reports, e.g. {@code best.val_accuracy < 0.95}. */
    String name();

    GateResult evaluate(JobView job);

    default GateResult skip(String why) {
        return new GateResult(name(), GateResult.Outcome.SKIPPED, why);
    }
}
