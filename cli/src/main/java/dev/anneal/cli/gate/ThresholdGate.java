package dev.anneal.cli.gate;

import dev.anneal.cli.CliFailure;
import dev.anneal.cli.http.JobView;
import dev.anneal.cli.output.Numbers;

/**
 * A {@code --fail-if} gate: fails when the best trial's objective value satisfies the
 * expression, e.g. {@code best.val_accuracy < 0.95} fails a job whose best accuracy is 0.93. For
 * a job with several objectives, {@code best.<metric>} is the best value of that objective on the
 * Pareto front (say, the highest accuracy among the trade-offs on offer), and {@code best.value}
 * the first objective's.
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
        checkAppliesTo(job.label(), job.objectives());
    }

    /** As above, for a job known by its label and the metrics of its objectives. */
    public void checkAppliesTo(String label, java.util.List<String> objectives) {
        if (!field.equals("value") && !objectives.contains(field)) {
            throw CliFailure.usage(name() + ": " + label + " optimizes " + String.join(", ", objectives)
                    + "; gates can use "
                    + String.join(
                            ", ", objectives.stream().map(m -> "best." + m).toList())
                    + " or best.value");
        }
    }

    @Override
    public GateResult evaluate(JobView job) {
        Double best = job.best(field);
        if (best == null) {
            return GateResult.failed(name(), "no trial completed, so there is no best." + field);
        }
        String actual =
                "best." + field + " = " + Numbers.format(best) + (job.multiObjective() ? " (on the Pareto front)" : "");
        if (op.holds(best, threshold)) {
            return GateResult.failed(name(), actual + ", which is " + op.symbol + " " + literal);
        }
        return GateResult.passed(name(), actual);
    }
}
