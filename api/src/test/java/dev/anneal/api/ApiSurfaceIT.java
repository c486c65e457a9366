package dev.anneal.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.api.support.ApiClient;
import dev.anneal.api.support.ServerIT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/** Unknown ids, bad query parameters, health, metrics and the OpenAPI document. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"anneal.worker.slots=0", "anneal.limits.dataset.upload-size=64KB"})
@DirtiesContext
class ApiSurfaceIT extends ServerIT {

    @Test
    void unknownIdsAre404Problems() {
        for (String path : new String[] {
            "/api/v1/jobs/424242",
            "/api/v1/jobs/424242/trials",
            "/api/v1/jobs/424242/trials/0",
            "/api/v1/jobs/424242/leaderboard"
        }) {
            ApiClient.Response r = api.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().path("type").asString()).endsWith("job-not-found");
        }
        assertThat(api.postJson("/api/v1/jobs/424242/cancel", "").status()).isEqualTo(404);
        long id = api.submit("{ \"dataset\": \"iris\", \"target\": \"label\", \"searchSpace\": { \"epochs\": 1 } }");
        ApiClient.Response noTrial = api.get("/api/v1/jobs/" + id + "/trials/999");
        assertThat(noTrial.status()).isEqualTo(404);
        assertThat(noTrial.json().path("type").asString()).endsWith("trial-not-found");
    }

    @Test
    void badQueryParametersAre400ProblemsNamingTheParameter() {
        assertProblem(api.get("/api/v1/jobs/abc"), 400, "id");
        assertProblem(api.get("/api/v1/jobs?state=DONE"), 400, "state");
        assertProblem(api.get("/api/v1/jobs?size=0"), 400, "size");
        assertProblem(api.get("/api/v1/jobs?page=-1"), 400, "page");
        assertProblem(api.get("/api/v1/jobs?page=x"), 400, "page");
        assertProblem(api.get("/api/v1/datasets?size=1000"), 400, "size");
        long id = api.submit("{ \"dataset\": \"iris\", \"target\": \"label\", \"searchSpace\": { \"epochs\": 1 } }");
        assertProblem(api.get("/api/v1/jobs/" + id + "/leaderboard?limit=0"), 400, "limit");
        assertProblem(api.get("/api/v1/jobs/" + id + "/trials?state=BEST"), 400, "state");
        assertThat(api.get("/api/v1/jobs?state=queued").status()).isEqualTo(200);
    }

    @Test
    void listsJobsNewestFirstAndFiltersByState() {
        long first = api.submit("{ \"dataset\": \"iris\", \"target\": \"label\", \"searchSpace\": { \"epochs\": 1 } }");
        long second =
                api.submit("{ \"dataset\": \"iris\", \"target\": \"label\", \"searchSpace\": { \"epochs\": 1 } }");
        api.postJson("/api/v1/jobs/" + first + "/cancel", "");

        var all = api.get("/api/v1/jobs?size=100").json();
        assertThat(all.path("items").get(0).path("id").asLong()).isEqualTo(second);
        var cancelled = api.get("/api/v1/jobs?state=CANCELLED").json();
        assertThat(cancelled.path("items"))
                .allSatisfy(j -> assertThat(j.path("state").asString()).isEqualTo("CANCELLED"));
        assertThat(cancelled.path("totalItems").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void uploadsOverTheLimitAre413Problems() {
        ApiClient.Response r =
                api.upload("big", "digits.csv", dev.anneal.db.testing.SharedDatasets.bytes("digits.csv"));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("type").asString()).endsWith("payload-too-large");
    }

    @Test
    void healthIncludesTheDatabase() {
        var health = api.get("/actuator/health").json();
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("components").path("db").path("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void prometheusExposesAnnealMeters() {
        String metrics = api.get("/actuator/prometheus").text();
        assertThat(metrics)
                .contains("anneal_trials_started_total")
                .contains("anneal_trials_finished_total")
                .contains("anneal_trial_duration_seconds")
                .contains("anneal_trials_queued")
                .contains("anneal_workers_busy")
                .contains("http_server_requests");
    }

    @Test
    void servesTheOpenApiDocumentAndSwaggerUi() {
        var doc = api.get("/v3/api-docs").json();
        assertThat(doc.path("paths").has("/api/v1/jobs")).isTrue();
        assertThat(doc.path("paths").has("/api/v1/jobs/{jobId}/leaderboard")).isTrue();
        assertThat(doc.path("paths").has("/api/v1/datasets")).isTrue();
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    private static void assertProblem(ApiClient.Response r, int status, String field) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("errors").get(0).path("field").asString())
                .as(r.text())
                .isEqualTo(field);
    }
}
