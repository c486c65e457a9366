package dev.anneal.cli.submit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.cli.ExitCodes;
import dev.anneal.cli.support.AnnealServer;
import dev.anneal.cli.support.Cli;
import dev.anneal.cli.support.Specs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gates on a job with several objectives, against the real server. */
class TradeOffGatesIT {

    static final String IRIS_TRADE_OFF = """
            { "name": "iris-trade-off", "dataset": "iris", "target": "label",
              "searchSpace": { "learningRate": { "type": "float", "min": 0.005, "max": 0.05, "log": true },
                               "units": { "type": "int", "min": 2, "max": 32, "log": true },
                               "epochs": 4, "hiddenLayers": 1 },
              "algorithm": { "type": "random", "seed": 7 },
              "objectives": [ { "metric": "val_accuracy" }, { "metric": "parameters" } ],
              "maxTrials": 3, "parallelism": 2 }
            """;

    @TempDir
    Path dir;

    @Test
    void aGateOnAMetricTheSpecDoesNotOptimizeIsRefusedBeforeSubmitting() {
        Cli cli = Cli.against(AnnealServer.url(), dir);
        Cli.Run run = cli.run(
                "submit",
                Specs.write(dir, "job.json", IRIS_TRADE_OFF).toString(),
                "--wait",
                "--fail-if",
                "best.val_loss > 1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.toString())
                .contains("optimizes val_accuracy, parameters")
                .doesNotContain("Submitted job");
    }

    @Test
    void gatesReadEachObjectivesBestOnTheParetoFront() {
        Cli cli = Cli.against(AnnealServer.url(), dir);
        Cli.Run run = cli.run(
                "submit",
                Specs.write(dir, "job.json", IRIS_TRADE_OFF).toString(),
                "--wait",
                "--fail-if",
                "best.val_accuracy < 0.3",
                "--fail-if",
                "best.parameters > 100000");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out())
                .contains("PASSED  --fail-if best.parameters > 100000: best.parameters = ")
                .contains("(on the Pareto front)");

        Cli.Run failing = cli.run(
                "submit",
                Specs.write(dir, "again.json", IRIS_TRADE_OFF).toString(),
                "--wait",
                "--fail-if",
                "best.parameters > 1");
        assertThat(failing.exitCode()).as(failing.toString()).isNotZero().isNotEqualTo(ExitCodes.USAGE);
        assertThat(failing.out()).contains("FAILED  --fail-if best.parameters > 1");
    }
}
