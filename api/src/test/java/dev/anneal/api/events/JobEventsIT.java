package dev.anneal.api.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.anneal.api.support.ApiClient;
import dev.anneal.api.support.EventStreamReader;
import dev.anneal.api.support.EventStreamReader.Event;
import dev.anneal.api.support.ServerIT;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/** The live event stream and incremental trial polling, read by real HTTP clients while a small job runs. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // reads every 100 ms, so that the epochs of short trials are seen running
        properties = {
            "anneal.worker.slots=1",
            "anneal.events.heartbeat-interval=1s",
            "anneal.events.poll-interval=100ms"
        })
@DirtiesContext
class JobEventsIT extends ServerIT {

    static final String SMALL_IRIS_JOB = """
            { "dataset": "iris", "target": "label",
              "searchSpace": { "learningRate": { "type": "float", "min": 0.01, "max": 0.05 }, "epochs": 5 },
              "algorithm": { "type": "random", "seed": 3 }, "maxTrials": 3, "parallelism": 1 }
            """;

    /**
     * Trials long enough (about a second each on an idle machine) that the poller sees them
     * mid-training: batch normalization keeps them on DL4J's own fit, where the dense path trains
     * 60 epochs of iris in about 50 ms.
     */
    static final String STREAMED_IRIS_JOB =
            SMALL_IRIS_JOB.replace("\"epochs\": 5", "\"epochs\": 200, \"batchNorm\": true");

    @Test
    void streamTellsTrialAndJobChangesWhileAJobRuns() throws Exception {
        long id = api.submit(STREAMED_IRIS_JOB);
        try (var stream = new EventStreamReader("http://localhost:" + port + "/api/v1/jobs/" + id + "/events")) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");

            await().atMost(Duration.ofMinutes(2)).until(() -> finished(stream.events()));

            List<Event> events = stream.events();
            assertThat(events.get(0).name()).as("the job as it is comes first").isEqualTo("job");
            assertThat(events.get(0).data().path("id").asLong()).isEqualTo(id);
            Set<Integer> completed = events.stream()
                    .filter(e -> e.name().equals("trial"))
                    .filter(e -> e.data().path("state").asString().equals("COMPLETED"))
                    .map(e -> e.data().path("number").asInt())
                    .collect(Collectors.toSet());
            assertThat(completed)
                    .as("a trial event for each trial that completed")
                    .containsExactlyInAnyOrder(0, 1, 2);
            assertThat(events)
                    .as("epochs show up as they are trained")
                    .anyMatch(e -> e.name().equals("trial")
                            && e.data().path("state").asString().equals("RUNNING")
                            && e.data().path("epochsTrained").asInt() > 0);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> stream.events().stream().anyMatch(e -> e.name().equals("heartbeat")));
        }
    }

    @Test
    void trialsAfterANumberAreOnlyTheNewerOnes() {
        long id = api.submit(SMALL_IRIS_JOB);
        api.awaitFinished(id, Duration.ofMinutes(2));

        assertThat(numbers(api.get("/api/v1/jobs/" + id + "/trials").json())).containsExactly(0, 1, 2);
        assertThat(numbers(api.get("/api/v1/jobs/" + id + "/trials?after=0").json()))
                .containsExactly(1, 2);
        assertThat(numbers(api.get("/api/v1/jobs/" + id + "/trials?after=0&state=completed&size=1")
                        .json()))
                .containsExactly(1);
        assertThat(numbers(api.get("/api/v1/jobs/" + id + "/trials?after=2").json()))
                .isEmpty();

        ApiClient.Response bad = api.get("/api/v1/jobs/" + id + "/trials?after=-2");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("after");
    }

    @Test
    void eventsOfAnUnknownJobAre404() throws Exception {
        try (var stream = new EventStreamReader("http://localhost:" + port + "/api/v1/jobs/999999/events")) {
            assertThat(stream.status()).isEqualTo(404);
        }
    }

    private static boolean finished(List<Event> events) {
        return events.stream()
                .anyMatch(e -> e.name().equals("job")
                        && e.data().path("state").asString().equals("COMPLETED"));
    }

    private static List<Integer> numbers(JsonNode page) {
        List<Integer> numbers = new ArrayList<>();
        page.path("items").forEach(t -> numbers.add(t.path("number").asInt()));
        return numbers;
    }
}
