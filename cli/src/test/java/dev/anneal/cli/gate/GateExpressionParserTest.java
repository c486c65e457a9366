package dev.anneal.cli.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anneal.cli.CliFailure;
import dev.anneal.cli.ExitCodes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GateExpressionParserTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "best.val_accuracy < 0.95      | val_accuracy | LESS             | 0.95",
                "best.value<=1e-3              | value        | LESS_OR_EQUAL    | 0.001",
                "  best.val_rmse >  12.5       | val_rmse     | GREATER          | 12.5",
                "best.val_r2 >= -0.5           | val_r2       | GREATER_OR_EQUAL | -0.5",
                "best.value == 1               | value        | EQUAL            | 1",
                "best.value != .5              | value        | NOT_EQUAL        | 0.5"
            })
    void parsesEveryOperator(String expression, String field, Comparison op, double threshold) {
        ThresholdGate gate = GateExpressionParser.parse(expression);

        assertThat(gate.field()).isEqualTo(field);
        assertThat(gate.op()).isEqualTo(op);
        assertThat(gate.threshold()).isEqualTo(threshold);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "val_accuracy < 0.95",
                "best.val_accuracy",
                "best.val_accuracy < ",
                "best.val_accuracy =< 0.9",
                "best.val_accuracy = 0.9",
                "best.val_accuracy < high",
                "best.val_accuracy < 0.9 && best.value > 0",
                "worst.value < 1"
            })
    void rejectsWhatIsNotAGateAsAUsageError(String expression) {
        assertThatThrownBy(() -> GateExpressionParser.parse(expression))
                .isInstanceOf(CliFailure.class)
                .hasMessageContaining("--fail-if must look like")
                .satisfies(e -> assertThat(((CliFailure) e).exitCode()).isEqualTo(ExitCodes.USAGE));
    }

    @ParameterizedTest
    @CsvSource({
        "best.val_accuracy < 0.95, 0.94, FAILED",
        "best.val_accuracy < 0.95, 0.95, PASSED",
        "best.val_accuracy <= 0.95, 0.95, FAILED",
        "best.value > 0.2, 0.25, FAILED",
        "best.value >= 0.2, 0.1, PASSED",
        "best.value == 1, 1.0, FAILED",
        "best.value != 1, 1.0, PASSED"
    })
    void failsWhenTheExpressionHolds(String expression, double best, GateResult.Outcome outcome) {
        GateResult result =
                GateExpressionParser.parse(expression).evaluate(Jobs.completed("val_accuracy", "maximize", best));

        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.gate()).isEqualTo("--fail-if " + expression.replaceAll("\\s+", " "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"best.val_accuracy < 0.9", "best.value < 0.9"})
    void appliesToTheObjectiveMetricOrValue(String expression) {
        GateExpressionParser.parse(expression).checkAppliesTo(Jobs.completed("val_accuracy", "maximize", 1.0));
    }

    @org.junit.jupiter.api.Test
    void refusesAMetricTheJobDoesNotOptimize() {
        ThresholdGate gate = GateExpressionParser.parse("best.val_loss > 0.3");

        assertThatThrownBy(() -> gate.checkAppliesTo(Jobs.completed("val_accuracy", "maximize", 1.0)))
                .isInstanceOf(CliFailure.class)
                .hasMessageContaining("optimizes val_accuracy");
    }

    @org.junit.jupiter.api.Test
    void failsWithoutABestTrial() {
        GateResult result =
                GateExpressionParser.parse("best.value < 0.5").evaluate(Jobs.completed("loss", "minimize", null));

        assertThat(result.outcome()).isEqualTo(GateResult.Outcome.FAILED);
        assertThat(result.message()).contains("no trial completed");
    }
}
