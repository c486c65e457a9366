package dev.anneal.cli.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.cli.http.JobView;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegressionGateTest {

    @ParameterizedTest
    @CsvSource({
        // direction, baseline, best, max regression, outcome
        "maximize, 0.95, 0.95, 0,    PASSED",
        "maximize, 0.95, 0.97, 0,    PASSED",
        "maximize, 0.95, 0.94, 0.01, PASSED", // exactly the allowed amount, despite 0.010000000000000009
        "maximize, 0.95, 0.93, 0.01, FAILED",
        "maximize, 0.95, 0.9499, 0,  FAILED",
        "minimize, 0.30, 0.31, 0.01, PASSED",
        "minimize, 0.30, 0.32, 0.01, FAILED",
        "minimize, 0.30, 0.10, 0,    PASSED"
    })
    void failsOnlyWhenWorseThanTheBaselineByMoreThanAllowed(
            String direction, double baseline, double best, double max, GateResult.Outcome outcome) {
        RegressionGate gate =
                new RegressionGate(new Baseline("job 3", Jobs.completed(3, "val_loss", direction, baseline)), max);

        GateResult result = gate.evaluate(Jobs.completed(9, "val_loss", direction, best));

        assertThat(result.outcome()).as(result.message()).isEqualTo(outcome);
    }

    @org.junit.jupiter.api.Test
    void passesWhenNoBaselineJobExistsYet() {
        RegressionGate gate = new RegressionGate(new Baseline("tag branch=main", null), 0.01);

        GateResult result = gate.evaluate(Jobs.completed("val_accuracy", "maximize", 0.5));

        assertThat(result.outcome()).isEqualTo(GateResult.Outcome.PASSED);
        assertThat(result.message()).contains("no completed baseline job for tag branch=main");
        assertThat(result.gate()).isEqualTo("--max-regression 0.01 vs tag branch=main");
    }

    @org.junit.jupiter.api.Test
    void failsAgainstABaselineWithAnotherObjective() {
        JobView baseline = Jobs.completed(3, "val_loss", "minimize", 0.2);
        RegressionGate gate = new RegressionGate(new Baseline("job 3", baseline), 0.0);

        GateResult result = gate.evaluate(Jobs.completed("val_accuracy", "maximize", 0.9));

        assertThat(result.outcome()).isEqualTo(GateResult.Outcome.FAILED);
        assertThat(result.message()).contains("not comparable");
    }
}
