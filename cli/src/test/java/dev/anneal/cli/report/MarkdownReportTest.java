package dev.anneal.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.cli.gate.GateResult;
import dev.anneal.cli.gate.GateResult.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    @Test
    void showsTheJobGatesLeaderboardAndBestParameters() {
        String md = MarkdownReport.render(Reports.completedWith(
                List.of(
                        new GateResult(
                                "--fail-if best.val_accuracy < 0.9", Outcome.PASSED, "best.val_accuracy = 0.9667"),
                        new GateResult("--max-regression 0.01 vs job 3", Outcome.FAILED, "worse by 0.02")),
                1));

        assertThat(md)
                .startsWith("### ❌ Anneal job 7 (iris-mlp): COMPLETED\n")
                .contains("Objective **val_accuracy** (maximize) · best **0.9667** (trial 2)")
                .contains("exit code 1 · http://localhost:8080/api/v1/jobs/7")
                .contains("| `--fail-if best.val_accuracy < 0.9` | ✅ passed | best.val_accuracy = 0.9667 |")
                .contains("| `--max-regression 0.01 vs job 3` | ❌ failed | worse by 0.02 |")
                .contains("#### Leaderboard (top 2)")
                .contains("| rank | trial | val_accuracy | epochs | parameters |")
                // a pipe inside a cell is escaped, or it would split the table
                .contains("| 1 | 2 | 0.9667 | 8 | learningRate=0.0123, optimizer=adam\\|sgd |")
                .contains("#### Best parameters (trial 2)")
                .contains("| learningRate | 0.0123 |")
                .contains("| optimizer | adam |");
    }

    @Test
    void saysWhyAJobThatDidNotCompleteFailed() {
        String md = MarkdownReport.render(Reports.failedWith(
                List.of(new GateResult("--fail-if best.value < 0.9", Outcome.SKIPPED, "not evaluated: FAILED"))));

        assertThat(md)
                .startsWith("### ❌ Anneal job 8 (iris-mlp): FAILED")
                .contains("**FAILED: 2 trials failed and none completed**")
                .contains("| `--fail-if best.value < 0.9` | ⏭️ skipped | not evaluated: FAILED |")
                .doesNotContain("Leaderboard")
                .doesNotContain("Best parameters");
    }
}
