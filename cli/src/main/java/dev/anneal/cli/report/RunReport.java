package dev.anneal.cli.report;

import dev.anneal.cli.gate.GateResult;
import dev.anneal.cli.http.JobView;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Everything a gated {@code submit --wait} found out, as the report writers need it.
 *
 * @param jobUrl the job's API address
 * @param finished whether the job reached COMPLETED (the "job finishes" check passed)
 * @param outcome one sentence on how the job ended: {@code COMPLETED}, {@code FAILED: reason},
 *     {@code still RUNNING after the 30m timeout}
 * @param leaderboard the top of the leaderboard, best first (at most 10 entries)
 * @param exitCode what the CLI exits with
 */
public record RunReport(
        URI jobUrl,
        JobView job,
        boolean finished,
        String outcome,
        List<JsonNode> leaderboard,
        List<GateResult> gates,
        int exitCode,
        Duration elapsed) {

    public long failedGates() {
        return gates.stream().filter(GateResult::failed).count();
    }
}
