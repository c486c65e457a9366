package dev.anneal.api.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.anneal.api.support.ApiClient;
import dev.anneal.api.support.EventStreamReader;
import dev.anneal.api.support.EventStreamReader.Event;
import dev.anneal.api.support.ProjectTokens;
import dev.anneal.api.support.ServerIT;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Event streams of projects other than {@code default}, with security on: every change is
 * told, heartbeats arrive, a revoked token's stream ends, and a token's streams are capped.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "anneal.worker.slots=0",
            "anneal.security.enabled=true",
            "anneal.security.bootstrap-token=" + ProjectEventStreamsIT.ADMIN,
            "anneal.events.heartbeat-interval=1s",
            "anneal.events.poll-interval=100ms",
            "anneal.events.max-streams-per-token=" + ProjectEventStreamsIT.CAP
        })
@DirtiesContext
class ProjectEventStreamsIT extends ServerIT {

    static final String ADMIN = "anneal_test-admin-token-events-0123456789abcdefghij";
    static final int CAP = 3;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    ApiClient admin;

    @BeforeEach
    void admin() {
        admin = new ApiClient(port, ADMIN);
    }

    static String externalJob(int trials) {
        return """
                { "execution": "external", "name": "streamed", "maxTrials": %d,
                  "searchSpace": { "x": { "type": "float", "min": 0, "max": 1 } },
                  "objective": { "metric": "loss", "direction": "minimize" } }
                """.formatted(trials);
    }

    EventStreamReader stream(long jobId, String token) throws Exception {
        return new EventStreamReader("http://localhost:" + port + "/api/v1/jobs/" + jobId + "/events", token);
    }

    @Test
    void aProjectsStreamTellsEveryTellAndHeartbeats() throws Exception {
        ProjectTokens.Created token = ProjectTokens.create(admin, "team-streams", "ci");
        ApiClient team = new ApiClient(port, token.token());
        long job = team.submit(externalJob(5));
        try (var stream = stream(job, token.token())) {
            assertThat(stream.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> !stream.events().isEmpty());
            for (int i = 0; i < 5; i++) {
                ApiClient.Response ask = team.postJson("/api/v1/jobs/" + job + "/trials/ask", "{}");
                assertThat(ask.status()).as(ask.text()).isEqualTo(201);
                int number = ask.json().path("number").asInt();
                ApiClient.Response tell = team.postJson(
                        "/api/v1/jobs/" + job + "/trials/" + number + "/tell", "{\"value\": " + (0.1 * i) + "}");
                assertThat(tell.status()).as(tell.text()).isEqualTo(200);
            }
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> stream.events().stream()
                            .anyMatch(e -> e.name().equals("job")
                                    && e.data().path("state").asString().equals("COMPLETED")));
            Set<Integer> completed = stream.events().stream()
                    .filter(e -> e.name().equals("trial"))
                    .filter(e -> e.data().path("state").asString().equals("COMPLETED"))
                    .map(e -> e.data().path("number").asInt())
                    .collect(Collectors.toSet());
            assertThat(completed)
                    .as("a trial event for every tell of a project other than default")
                    .containsExactlyInAnyOrder(0, 1, 2, 3, 4);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> stream.events().stream()
                                    .filter(e -> e.name().equals("heartbeat"))
                                    .count()
                            >= 2);
        }
    }

    @Test
    void aStreamEndsWhenTheTokenThatOpenedItIsRevoked() throws Exception {
        ProjectTokens.Created doomed = ProjectTokens.create(admin, "team-revoked", "laptop");
        ProjectTokens.Created kept = ProjectTokens.create(admin, "team-revoked", "ci");
        long job = new ApiClient(port, kept.token()).submit(externalJob(1));
        try (var revokedStream = stream(job, doomed.token());
                var keptStream = stream(job, kept.token())) {
            assertThat(revokedStream.status()).isEqualTo(200);
            assertThat(keptStream.status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> heartbeats(revokedStream) >= 1);

            assertThat(admin.delete("/api/v1/tokens/" + doomed.id()).status()).isEqualTo(204);

            await().atMost(Duration.ofSeconds(5)).until(revokedStream::ended);
            long before = heartbeats(keptStream);
            await().atMost(Duration.ofSeconds(5)).until(() -> heartbeats(keptStream) > before);
            assertThat(keptStream.ended())
                    .as("the other token's stream on the same job goes on")
                    .isFalse();
        }
    }

    @Test
    void aTokenHoldsAtMostTheConfiguredNumberOfStreams() throws Exception {
        ProjectTokens.Created token = ProjectTokens.create(admin, "team-capped", "dashboard");
        ProjectTokens.Created other = ProjectTokens.create(admin, "team-capped", "ci");
        long job = new ApiClient(port, token.token()).submit(externalJob(1));
        List<EventStreamReader> open = new ArrayList<>();
        try {
            for (int i = 0; i < CAP; i++) {
                open.add(stream(job, token.token()));
                assertThat(open.get(i).status()).isEqualTo(200);
            }
            Answer refused = request(job, token.token());
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            var problem = JSON.readTree(refused.body());
            assertThat(problem.path("type").asString()).endsWith("/too-many-event-streams");
            assertThat(problem.path("limit").asInt()).isEqualTo(CAP);
            assertThat(problem.path("detail").asString()).contains("anneal.events.max-streams-per-token");
            assertThat(refused.retryAfter()).isEqualTo("1");

            try (var another = stream(job, other.token())) {
                assertThat(another.status())
                        .as("another token has its own streams")
                        .isEqualTo(200);
            }

            open.remove(0).close();
            // the server notices a closed connection when it next writes to it (a heartbeat)
            await().atMost(Duration.ofSeconds(5)).until(() -> {
                EventStreamReader again = stream(job, token.token());
                if (again.status() == 200) {
                    open.add(again);
                    return true;
                }
                again.close();
                return false;
            });
        } finally {
            for (EventStreamReader s : open) {
                s.close();
            }
        }
    }

    @Test
    void aThousandStreamRequestsFromOneTokenAreRefusedWithoutHurtingOthers() throws Exception {
        ProjectTokens.Created hostile = ProjectTokens.create(admin, "team-hostile", "flood");
        ProjectTokens.Created neighbour = ProjectTokens.create(admin, "team-neighbour", "ci");
        long hostileJob = new ApiClient(port, hostile.token()).submit(externalJob(1));
        ApiClient neighbourApi = new ApiClient(port, neighbour.token());
        long neighbourJob = neighbourApi.submit(externalJob(1));
        List<EventStreamReader> held = new ArrayList<>();
        ExecutorService flood = Executors.newFixedThreadPool(16);
        try (var neighbourStream = stream(neighbourJob, neighbour.token())) {
            for (int i = 0; i < CAP; i++) {
                held.add(stream(hostileJob, hostile.token()));
            }
            Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
            AtomicLong slowestNeighbourMillis = new AtomicLong();
            long start = System.nanoTime();
            List<Future<?>> requests = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                requests.add(flood.submit(() -> {
                    statuses.merge(request(hostileJob, hostile.token()).status(), 1, Integer::sum);
                    return null;
                }));
            }
            // the neighbour keeps working while the flood runs
            while (requests.stream().anyMatch(f -> !f.isDone())) {
                long t0 = System.nanoTime();
                assertThat(neighbourApi.get("/api/v1/jobs/" + neighbourJob).status())
                        .isEqualTo(200);
                slowestNeighbourMillis.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
            }
            for (Future<?> f : requests) {
                f.get();
            }
            long floodMillis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf(
                    "1000 stream requests over the cap: %d ms; slowest neighbour request meanwhile: %d ms%n",
                    floodMillis, slowestNeighbourMillis.get());

            assertThat(statuses).isEqualTo(Map.of(429, 1000));
            assertThat(slowestNeighbourMillis.get())
                    .as("another tenant's requests stay fast")
                    .isLessThan(5000);
            long before = heartbeats(neighbourStream);
            await().atMost(Duration.ofSeconds(5)).until(() -> heartbeats(neighbourStream) > before);
            assertThat(held).allSatisfy(s -> assertThat(s.ended()).isFalse());
            assertThat(request(hostileJob, hostile.token()).status())
                    .as("refused requests took no place")
                    .isEqualTo(429);
        } finally {
            flood.shutdownNow();
            for (EventStreamReader s : held) {
                s.close();
            }
        }
    }

    private static long heartbeats(EventStreamReader stream) {
        return stream.events().stream()
                .map(Event::name)
                .filter("heartbeat"::equals)
                .count();
    }

    record Answer(int status, String contentType, String retryAfter, String body) {}

    /**
     * One stream request, for refusals: their body is read whole. A stream that opens instead is
     * closed at once (its body would never end), so a missing cap fails the test, not hangs it.
     */
    private Answer request(long jobId, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/jobs/" + jobId + "/events"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .build();
        HttpResponse<InputStream> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
        String body = "";
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return new Answer(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Retry-After").orElse(null),
                body);
    }

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
}
