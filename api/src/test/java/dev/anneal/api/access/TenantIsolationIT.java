package dev.anneal.api.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.anneal.api.support.ApiClient;
import dev.anneal.api.support.ProjectTokens;
import dev.anneal.api.support.ServerIT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * One project's token against another project's resources, with security on: every route of
 * the OpenAPI document, as the server describes itself, so a route added later is walked too.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "anneal.worker.slots=0",
            "anneal.security.enabled=true",
            "anneal.security.bootstrap-token=" + TenantIsolationIT.ADMIN
        })
@DirtiesContext
class TenantIsolationIT extends ServerIT {

    static final String ADMIN = "anneal_test-admin-token-isolation-0123456789abcdef";
    /** In every name of the first project's resources: no answer to the second project may contain it. */
    static final String SECRET = "alpha-secret";

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    ApiClient admin;

    @BeforeEach
    void admin() {
        admin = new ApiClient(port, ADMIN);
    }

    static String externalJob(String name, int trials) {
        return """
                { "execution": "external", "name": "%s", "maxTrials": %d,
                  "searchSpace": { "%s_rate": { "type": "float", "min": 0, "max": 1 },
                                   "%s_depth": { "type": "int", "min": 1, "max": 9 } },
                  "objective": { "metric": "loss", "direction": "minimize" } }
                """.formatted(name, trials, SECRET.replace('-', '_'), SECRET.replace('-', '_'));
    }

    /** What the second project may put in each path variable: the first project's ids. */
    record Targets(long job, int trial, long dataset, long token) {}

    @Test
    void everyRouteAnswersAnotherProjectsIdsAs404AndAdminOnlyRoutesAs403() {
        ProjectTokens.Created alphaToken = ProjectTokens.create(admin, "alpha", SECRET + "-token");
        ApiClient alpha = new ApiClient(port, alphaToken.token());
        String betaToken = ProjectTokens.create(admin, "beta", "ci").token();
        long job = alpha.submit(externalJob(SECRET + "-job", 3));
        ApiClient.Response ask = alpha.postJson("/api/v1/jobs/" + job + "/trials/ask", "{}");
        assertThat(ask.status()).as(ask.text()).isEqualTo(201);
        byte[] csv = "a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n".getBytes(StandardCharsets.UTF_8);
        ApiClient.Response upload = alpha.upload(SECRET + "-data", "p.csv", csv);
        assertThat(upload.status()).as(upload.text()).isEqualTo(201);
        Targets targets = new Targets(
                job, ask.json().path("number").asInt(), upload.json().path("id").asLong(), alphaToken.id());

        JsonNode document = new ApiClient(port).get("/v3/api-docs").json();
        List<Route> routes = routes(document);
        JdkClientHttpRequestFactory timed = new JdkClientHttpRequestFactory();
        // a route that wrongly opened a stream must fail the test, not hang it
        timed.setReadTimeout(Duration.ofSeconds(20));
        RestClient asBeta = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .requestFactory(timed)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + betaToken)
                .build();
        int scoped = 0;
        for (Route route : routes) {
            String path = fill(route.path(), targets);
            ApiClient.Response r = call(asBeta, route.method(), path);
            String what = route.method() + " " + path + " -> " + r.status() + " " + r.text();
            boolean hasIds = !path.equals(route.path());
            if (route.adminOnly()) {
                assertThat(r.status()).as(what).isEqualTo(403);
            } else if (hasIds) {
                assertThat(r.status()).as(what).isEqualTo(404);
                scoped++;
            } else {
                assertThat(r.status()).as(what).isLessThan(500);
            }
            if (r.status() >= 400) {
                assertThat(r.contentType()).as(what).startsWith("application/problem+json");
            }
            assertThat(r.text()).as(what).doesNotContain(SECRET);
        }
        assertThat(scoped)
                .as("routes on a job, trial, dataset or token walked (the document lists them all)")
                .isGreaterThanOrEqualTo(15);
        assertThat(routes)
                .as("the walk covers the routes of every kind")
                .extracting(Route::path)
                .contains(
                        "/api/v1/jobs/{jobId}/importance",
                        "/api/v1/jobs/{jobId}/events",
                        "/api/v1/jobs/{jobId}/trials/{number}/tell",
                        "/api/v1/datasets/{id}",
                        "/api/v1/workers");

        // and nothing of the first project changed
        JsonNode after = alpha.get("/api/v1/jobs/" + job).json();
        assertThat(after.path("state").asString()).isEqualTo("RUNNING");
        assertThat(after.path("trials").path("total").asInt()).isEqualTo(1);
        assertThat(alpha.get("/api/v1/jobs/" + job + "/trials/0")
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("RUNNING");
        assertThat(alpha.get("/api/v1/datasets/" + targets.dataset()).status()).isEqualTo(200);
    }

    @Test
    void importanceOfAnotherProjectsJobIs404() {
        ApiClient alpha =
                new ApiClient(port, ProjectTokens.create(admin, "alpha-i", "ci").token());
        ApiClient beta =
                new ApiClient(port, ProjectTokens.create(admin, "beta-i", "ci").token());
        long job = alpha.submit(externalJob("tuned", 5));
        for (int i = 0; i < 5; i++) {
            int number = alpha.postJson("/api/v1/jobs/" + job + "/trials/ask", "{}")
                    .json()
                    .path("number")
                    .asInt();
            alpha.postJson("/api/v1/jobs/" + job + "/trials/" + number + "/tell", "{\"value\": " + i + "}");
        }
        ApiClient.Response own = alpha.get("/api/v1/jobs/" + job + "/importance");
        assertThat(own.status()).as(own.text()).isEqualTo(200);
        assertThat(own.text()).contains(SECRET.replace('-', '_') + "_rate");

        ApiClient.Response other = beta.get("/api/v1/jobs/" + job + "/importance");
        assertThat(other.status()).as(other.text()).isEqualTo(404);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(other.json().path("type").asString()).endsWith("/job-not-found");
        assertThat(other.json().path("detail").asString()).isEqualTo("no job has id " + job);
        assertThat(other.text()).doesNotContain(SECRET);
        ApiClient.Response missing = beta.get("/api/v1/jobs/" + (job + 1000) + "/importance");
        assertThat(missing.json().path("type").asString())
                .as("the same answer as a job that does not exist")
                .isEqualTo(other.json().path("type").asString());
    }

    @Test
    void workersAreForAdminTokensOnly() {
        ApiClient project =
                new ApiClient(port, ProjectTokens.create(admin, "gamma", "ci").token());
        ApiClient.Response refused = project.get("/api/v1/workers");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asString()).endsWith("/forbidden");
        assertThat(refused.json().path("detail").asString()).contains("admin token");

        assertThat(admin.get("/api/v1/workers").status()).isEqualTo(200);
        JsonNode operation = new ApiClient(port)
                .get("/v3/api-docs")
                .json()
                .path("paths")
                .path("/api/v1/workers")
                .path("get");
        assertThat(operation.path(AdminOnlyInOpenApi.EXTENSION).asBoolean()).isTrue();
    }

    @Test
    void healthShowsDetailsToAdminTokensOnly() {
        ApiClient project =
                new ApiClient(port, ProjectTokens.create(admin, "delta", "ci").token());
        for (ApiClient client : List.of(new ApiClient(port), project, new ApiClient(port, "anneal_not-a-token"))) {
            ApiClient.Response health = client.get("/actuator/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.json().path("status").asString()).isEqualTo("UP");
            assertThat(health.json().has("components")).as(health.text()).isFalse();
            assertThat(health.json().has("details")).as(health.text()).isFalse();
            assertThat(health.text())
                    .doesNotContain("diskSpace")
                    .doesNotContain("path")
                    .doesNotContain("free");
        }
        JsonNode detailed = admin.get("/actuator/health").json();
        assertThat(detailed.path("components").path("db").path("status").asString())
                .isEqualTo("UP");
        assertThat(detailed.path("components").path("diskSpace").path("details").has("free"))
                .isTrue();
    }

    record Route(String method, String path, boolean adminOnly) {}

    /** Every operation of the document; deletions last, so a wrongly allowed one cannot hide the others. */
    private static List<Route> routes(JsonNode document) {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                routes.add(new Route(
                        operation.getKey().toUpperCase(),
                        path.getKey(),
                        operation.getValue().path(AdminOnlyInOpenApi.EXTENSION).asBoolean(false)));
            }
        }
        routes.sort(Comparator.comparing((Route r) -> r.method().equals("DELETE"))
                .thenComparing(Route::path)
                .thenComparing(Route::method));
        return routes;
    }

    /** The path with the first project's ids, by what each variable names (as {@link PathIds} reads them). */
    private static String fill(String template, Targets targets) {
        List<PathIds.Id> ids = PathIds.of(template);
        Matcher m = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            PathIds.Id id = ids.stream()
                    .filter(i -> i.variable().equals(m.group(1)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("unknown variable in " + template));
            long value = switch (id.kind()) {
                case JOB -> targets.job();
                case TRIAL -> targets.trial();
                case DATASET -> targets.dataset();
                case TOKEN -> targets.token();
            };
            m.appendReplacement(path, Long.toString(value));
        }
        m.appendTail(path);
        return path.toString();
    }

    private static ApiClient.Response call(RestClient http, String method, String path) {
        RestClient.RequestBodySpec request =
                http.method(HttpMethod.valueOf(method)).uri(path).header(HttpHeaders.ACCEPT, "*/*");
        if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            request.contentType(MediaType.APPLICATION_JSON).body("{}");
        }
        try {
            return request.exchange((req, res) -> new ApiClient.Response(
                    res.getStatusCode().value(),
                    res.getHeaders(),
                    new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            return fail(method + " " + path + " failed: " + e);
        }
    }
}
