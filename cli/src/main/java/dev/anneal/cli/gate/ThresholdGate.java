package dev.anneal.cli.gate;

import dev.anneal.cli.CliFailure;
import dev.anneal.cli.http.JobView;
import dev.anneal.cli.output.Numbers;

/**
 * A {@code --fail-if} gate: fails when the best trial's objective value satisfies the
 * expression, e.g. {@code best.val_accuracy < 0.95} fails a job whose best accuracy is 0.93.
 *
 * @param field {@code value} or the objective metric's name
 * @param literal the threshold as written, so the gate's name reads as the user typed it
 */
public record ThresholdGate(String field, Comparison op, double threshold, String literal) implements Gate {

    @Override
    public String name() {
        return "--fail-if " + expression();
    }

    /** The expression as the user wrote it (normalized spacing). */
    public String expression() {
        return "best." + field + " " + op.symbol + " " + literal;
    }

    /**
     * Refuses a gate on a metric the job does not optimize: only the objective's value is known
     * for the best trial, and a silently passing gate on a misspelt metric would be worse.
     */
    public void checkAppliesTo(JobView job) {
        if (!field.equals("value") && !field.equals(job.metric())) {
            throw CliFailure.usage(name() + ": " + job.label() + " optimizes " + job.metric() + "; gates can use best."
                    + job.metric() + " or best.value");
        }
    }

    @Override
    public GateResult evaluate(JobView job) {
        if (job.bestValue() == null) {
            return GateResult.failed(name(), "no trial completed, so there is no best." + field);
        }
        String actual = "best." + field + " = " + Numbers.format(job.bestValue());
        if (op.holds(job.bestValue(), threshold)) {
            return GateResult.failed(name(), actual + ", which is " + op.symbol + " " + literal);
        }
        return GateResult.passed(name(), actual);
    }
}
