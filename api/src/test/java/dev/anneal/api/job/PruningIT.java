package dev.anneal.api.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.api.support.ServerIT;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * ASHA on real DL4J trials: the same random search on digits with and without the pruner. Kept
 * small (12 trials of 12 epochs) so it runs in CI on two cores.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "anneal.worker.slots=2")
@DirtiesContext
class PruningIT extends ServerIT {

    static String digits(String pruner) {
        return """
                { "dataset": "digits", "target": "label", "maxTrials": 12, "parallelism": 2,
                  "searchSpace": {
                    "learningRate": { "type": "float", "min": 1e-4, "max": 3e-2, "log": true },
                    "units": { "type": "int", "min": 16, "max": 128, "log": true },
                    "epochs": 12 },
                  "algorithm": { "type": "random", "seed": 11 },
                  "pruner": %s }
                """.formatted(pruner);
    }

    @Test
    void ashaPrunesTrialsAndKeepsTheLeaderboardTopWithinTolerance() {
        long full = api.submit(digits("{ \"type\": \"none\" }"));
        long asha = api.submit(digits("{ \"type\": \"asha\", \"minEpochs\": 1, \"reductionFactor\": 3 }"));

        JsonNode fullJob = api.awaitFinished(full, Duration.ofMinutes(8));
        JsonNode ashaJob = api.awaitFinished(asha, Duration.ofMinutes(8));

        assertThat(fullJob.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(ashaJob.path("state").asString()).isEqualTo("COMPLETED");
        assertThat(ashaJob.path("trials").path("total").asInt())
                .as("pruned trials count toward maxTrials")
                .isEqualTo(12);
        assertThat(ashaJob.path("trials").path("pruned").asInt()).isPositive();
        assertThat(fullJob.path("trials").path("pruned").asInt()).isZero();
        assertThat(epochsTrained(asha)).isLessThan(epochsTrained(full));

        JsonNode fullTop =
                api.get("/api/v1/jobs/" + full + "/leaderboard").json().get(0);
        JsonNode ashaBoard =
                api.get("/api/v1/jobs/" + asha + "/leaderboard?limit=12").json();
        assertThat(ashaBoard.get(0).path("state").asString()).isEqualTo("COMPLETED");
        assertThat(ashaBoard.get(0).path("value").asDouble())
                .isCloseTo(fullTop.path("value").asDouble(), org.assertj.core.data.Offset.offset(0.03));
        List<String> states = new ArrayList<>();
        ashaBoard.forEach(e -> states.add(e.path("state").asString()));
        assertThat(states).as("completed trials first, then pruned").isSortedAccordingTo((a, b) -> a.compareTo(b));

        int prunedNumber = -1;
        for (JsonNode e : ashaBoard) {
            if (e.path("state").asString().equals("PRUNED")) {
                prunedNumber = e.path("trialNumber").asInt();
                break;
            }
        }
        JsonNode pruned =
                api.get("/api/v1/jobs/" + asha + "/trials/" + prunedNumber).json();
        assertThat(pruned.path("pruneReason").asString())
                .startsWith("asha rung ")
                .contains("cutoff");
        JsonNode curve = pruned.path("metrics");
        JsonNode last = curve.get(curve.size() - 1);
        assertThat(pruned.path("epochsTrained").asInt())
                .isEqualTo(last.path("epoch").asInt())
                .isLessThan(12);
        assertThat(pruned.path("value").asDouble())
                .as("its last intermediate value")
                .isEqualTo(last.path("val_accuracy").asDouble());
        assertThat(last.path("pruning").asString())
                .isEqualTo(pruned.path("pruneReason").asString());
    }

    private int epochsTrained(long job) {
        int sum = 0;
        for (JsonNode t :
                api.get("/api/v1/jobs/" + job + "/trials?size=100").json().path("items")) {
            sum += t.path("epochsTrained").asInt();
        }
        return sum;
    }
}
