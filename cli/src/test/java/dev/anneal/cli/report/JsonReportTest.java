package dev.anneal.cli.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.cli.gate.GateResult;
import dev.anneal.cli.gate.GateResult.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JsonReportTest {

    @Test
    void holdsJobBestLeaderboardGatesAndExitCode() {
        JsonNode json = JsonReport.render(Reports.completedWith(
                List.of(new GateResult("--fail-if best.value < 0.9", Outcome.PASSED, "best.value = 0.9667")), 0));

        assertThat(json.path("job").path("id").asLong()).isEqualTo(7);
        assertThat(json.path("best").path("value").asDouble()).isEqualTo(0.9667);
        assertThat(json.path("leaderboard")).hasSize(2);
        assertThat(json.path("gates").get(0).path("outcome").asString()).isEqualTo("PASSED");
        assertThat(json.path("gates").get(0).path("gate").asString()).isEqualTo("--fail-if best.value < 0.9");
        assertThat(json.path("completed").asBoolean()).isTrue();
        assertThat(json.path("exitCode").asInt()).isZero();
    }
}
