package dev.anneal.cli.gate;

import dev.anneal.cli.http.JobView;
import dev.anneal.cli.output.Numbers;

/**
 * Fails when the job's best value is worse than the baseline's by more than
 * {@code maxRegression}, in the objective's units and direction: for a maximized metric when
 * {@code best < baseline - maxRegression}, for a minimized one when {@code best > baseline +
 * maxRegression}. With no baseline job (nothing tagged yet) it passes and says so, so that the
 * first run of a pipeline can create the baseline.
 */
public record RegressionGate(Baseline baseline, double maxRegression) implements Gate {

    /**
     * Values computed in floating point (0.95 - 0.94 is 0.010000000000000009) must not fail a
     * gate set at exactly their difference.
     */
    private static final double TOLERANCE = 1e-9;

    @Override
    public String name() {
        return "--max-regression " + Numbers.format(maxRegression) + " vs " + baseline.source();
    }

    @Override
    public GateResult evaluate(JobView job) {
        JobView base = baseline.job();
        if (base == null) {
            return GateResult.passed(
                    name(), "no completed baseline job for " + baseline.source() + "; nothing to compare");
        }
        if (!base.metric().equals(job.metric()) || !base.direction().equalsIgnoreCase(job.direction())) {
            return GateResult.failed(
                    name(),
                    "baseline job " + base.id() + " optimizes " + base.metric() + " (" + base.direction()
                            + "), this job " + job.metric() + " (" + job.direction() + "): not comparable");
        }
        if (job.bestValue() == null) {
            return GateResult.failed(name(), "no trial completed, so there is no best value to compare");
        }
        double regression = job.maximizes() ? base.bestValue() - job.bestValue() : job.bestValue() - base.bestValue();
        String comparison = "best " + job.metric() + " " + Numbers.format(job.bestValue()) + " vs baseline job "
                + base.id() + " " + Numbers.format(base.bestValue());
        if (regression > maxRegression + TOLERANCE) {
            return GateResult.failed(
                    name(), comparison + ": worse by " + Numbers.format(regression) + ", more than allowed");
        }
        return GateResult.passed(name(), comparison);
    }
}
