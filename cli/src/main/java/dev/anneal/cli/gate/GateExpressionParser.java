package dev.anneal.cli.gate;

import dev.anneal.cli.CliFailure;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code --fail-if} expressions: {@code best.<name> <op> <number>}, where {@code name} is
 * {@code value} or the job's objective metric (checked once the job's objective is known), and
 * {@code op} one of {@code < <= > >= == !=}. The expression says when the build fails.
 */
public final class GateExpressionParser {

    private static final Pattern EXPRESSION = Pattern.compile(
            "\\s*best\\.([A-Za-z_][A-Za-z0-9_]*)\\s*(<=|>=|==|!=|<|>)\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*");

    private GateExpressionParser() {}

    public static ThresholdGate parse(String expression) {
        Matcher m = EXPRESSION.matcher(expression);
        if (!m.matches()) {
            throw CliFailure.usage("--fail-if must look like \"best.val_accuracy < 0.95\" (best.<objective metric or"
                    + " value> <op> <number>, op one of < <= > >= == !=), but was \"" + expression + "\"");
        }
        Comparison op = null;
        for (Comparison c : Comparison.values()) {
            if (c.symbol.equals(m.group(2))) {
                op = c;
            }
        }
        return new ThresholdGate(m.group(1), op, Double.parseDouble(m.group(3)), m.group(3));
    }
}
