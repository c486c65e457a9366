package dev.anneal.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.api.support.ApiClient;
import dev.anneal.db.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Tokens and projects over real HTTP with security on (the product default): 401 problems,
 * project isolation answered as 404, immediate revocation, admin-only operations, and the
 * tag query CI uses for baselines.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "anneal.worker.slots=0",
            "anneal.security.enabled=true",
            "anneal.security.bootstrap-token=" + ApiTokensIT.ADMIN
        })
@DirtiesContext
class ApiTokensIT {

    static final String ADMIN = "anneal_test-admin-token-0123456789abcdefghijklmnop";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;

    @BeforeEach
    void client() {
        admin = new ApiClient(port, ADMIN);
    }

    static String externalJob(String name, String tags) {
        return """
                { "execution": "external", "name": "%s", "maxTrials": 1,
                  "searchSpace": { "x": { "type": "float", "min": 0, "max": 1 } },
                  "objective": { "metric": "loss", "direction": "minimize" }%s }
                """.formatted(name, tags == null ? "" : ", \"tags\": " + tags);
    }

    String newToken(ApiClient as, String project) {
        ApiClient.Response created = as.postJson(
                "/api/v1/tokens",
                "{\"name\": \"ci\"" + (project == null ? "" : ", \"project\": \"" + project + "\"") + "}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().path("token").asString()).startsWith("anneal_");
        return created.json().path("token").asString();
    }

    @Test
    void requestsWithoutAValidTokenAre401Problems() {
        ApiClient anonymous = new ApiClient(port);
        for (ApiClient.Response r : List.of(
                anonymous.get("/api/v1/jobs"),
                anonymous.postJson("/api/v1/jobs", externalJob("x", null)),
                new ApiClient(port, "anneal_not-a-token").get("/api/v1/datasets"))) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
            assertThat(r.json().path("type").asString()).endsWith("/unauthorized");
        }
        assertThat(new ApiClient(port, "anneal_not-a-token")
                        .get("/api/v1/jobs")
                        .json()
                        .path("detail")
                        .asString())
                .contains("unknown or revoked");
        assertThat(jdbc.sql("select count(*) from job where name = 'x'")
                        .query(Long.class)
                        .single())
                .as("nothing was written")
                .isZero();
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(200);
    }

    @Test
    void aProjectSeesOnlyItsOwnJobsAndDatasets() {
        ApiClient alpha = new ApiClient(port, newToken(admin, "alpha"));
        ApiClient beta = new ApiClient(port, newToken(admin, "beta"));
        long job = alpha.submit(externalJob("alpha-job", null));
        byte[] csv = "a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n".getBytes(StandardCharsets.UTF_8);
        ApiClient.Response upload = alpha.upload("private-data", "p.csv", csv);
        assertThat(upload.status()).as(upload.text()).isEqualTo(201);
        long dataset = upload.json().path("id").asLong();

        List<String> paths = List.of(
                "/api/v1/jobs/" + job,
                "/api/v1/jobs/" + job + "/trials",
                "/api/v1/jobs/" + job + "/leaderboard",
                "/api/v1/datasets/" + dataset);
        for (String path : paths) {
            assertThat(alpha.get(path).status()).as(path).isEqualTo(200);
            assertThat(beta.get(path).status()).as(path).isEqualTo(404);
        }
        assertThat(beta.postJson("/api/v1/jobs/" + job + "/trials/ask", "{}").status())
                .isEqualTo(404);
        assertThat(beta.postJson("/api/v1/jobs/" + job + "/trials/0/tell", "{\"value\": 1}")
                        .status())
                .isEqualTo(404);
        assertThat(beta.postJson("/api/v1/jobs/" + job + "/cancel", "").status())
                .isEqualTo(404);
        JsonNode after = alpha.get("/api/v1/jobs/" + job).json();
        assertThat(after.path("state").asString())
                .as("beta's calls changed nothing")
                .isIn("QUEUED", "RUNNING");
        assertThat(after.path("trials").path("total").asInt()).isZero();
        assertThat(names(beta.get("/api/v1/jobs").json())).doesNotContain("alpha-job");
        assertThat(names(alpha.get("/api/v1/jobs").json())).contains("alpha-job");
        List<String> betaDatasets = names(beta.get("/api/v1/datasets?size=200").json());
        assertThat(betaDatasets).contains("iris", "wine", "digits").doesNotContain("private-data");

        // another project's names neither collide nor resolve
        assertThat(beta.upload("private-data", "p.csv", csv).status()).isEqualTo(201);
        assertThat(alpha.upload("iris", "iris.csv", csv).status())
                .as("built-in names are taken for everyone")
                .isEqualTo(409);
        ApiClient.Response warm = beta.postJson(
                "/api/v1/jobs",
                externalJob("warm", null).replace("\"maxTrials\": 1", "\"warmStartFrom\": [" + job + "]"));
        assertThat(warm.status()).isEqualTo(400);
        assertThat(warm.text()).contains("warmStartFrom");

        // the same idempotency key in two projects names two different requests
        String key = "deploy-42";
        long a = alpha.postJsonWithKey("/api/v1/jobs", externalJob("keyed", null), key)
                .json()
                .path("id")
                .asLong();
        long b = beta.postJsonWithKey("/api/v1/jobs", externalJob("keyed", null), key)
                .json()
                .path("id")
                .asLong();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void aRevokedTokenIsRefusedFromItsNextRequest() {
        String token = newToken(admin, "gamma");
        ApiClient gamma = new ApiClient(port, token);
        assertThat(gamma.get("/api/v1/jobs").status()).isEqualTo(200);
        JsonNode listed = gamma.get("/api/v1/tokens").json();
        long id = -1;
        for (JsonNode t : listed) {
            assertThat(t.has("token")).as("secrets are never listed").isFalse();
            if (t.path("project").asString().equals("gamma")) {
                id = t.path("id").asLong();
            }
        }
        assertThat(id).isPositive();
        assertThat(gamma.delete("/api/v1/tokens/" + id).status()).isEqualTo(204);
        ApiClient.Response after = gamma.get("/api/v1/jobs");
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.json().path("detail").asString()).contains("revoked");
        assertThat(admin.delete("/api/v1/tokens/" + id).status())
                .as("revoking twice")
                .isEqualTo(404);
    }

    @Test
    void onlyAdminTokensManageOtherProjects() {
        ApiClient delta = new ApiClient(port, newToken(admin, "delta"));
        ApiClient.Response other = delta.postJson("/api/v1/tokens", "{\"name\": \"x\", \"project\": \"epsilon\"}");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(delta.postJson("/api/v1/tokens", "{\"name\": \"x\", \"admin\": true}")
                        .status())
                .isEqualTo(403);
        assertThat(delta.postJson("/api/v1/tokens", "{\"name\": \"\"}").status())
                .isEqualTo(400);
        String own = newToken(delta, null);
        assertThat(new ApiClient(port, own).get("/api/v1/jobs").status()).isEqualTo(200);

        long adminTokenId = admin.get("/api/v1/tokens").json().get(0).path("id").asLong();
        assertThat(delta.delete("/api/v1/tokens/" + adminTokenId).status())
                .as("another project's token is not found")
                .isEqualTo(404);
        assertThat(admin.get("/api/v1/jobs").status()).isEqualTo(200);
    }

    @Test
    void ciFindsItsBaselineByTags() {
        ApiClient ci = new ApiClient(port, newToken(admin, "tagged"));
        long older = complete(ci, externalJob("main-1", "{\"branch\": \"main\", \"commit\": \"aaa\"}"), 0.5);
        long newer = complete(ci, externalJob("main-2", "{\"branch\": \"main\", \"commit\": \"bbb\"}"), 0.4);
        complete(ci, externalJob("feature", "{\"branch\": \"feature/x\"}"), 0.1);
        ci.submit(externalJob("main-running", "{\"branch\": \"main\"}"));

        JsonNode baseline = ci.get("/api/v1/jobs?tag=branch:main&state=COMPLETED&latest=true")
                .json();
        assertThat(baseline.path("items")).hasSize(1);
        assertThat(baseline.path("items").get(0).path("id").asLong()).isEqualTo(newer);
        assertThat(baseline.path("items").get(0).path("tags").path("commit").asString())
                .isEqualTo("bbb");

        JsonNode both = ci.get("/api/v1/jobs?tag=branch:main&state=COMPLETED").json();
        assertThat(both.path("totalItems").asInt()).isEqualTo(2);
        assertThat(both.path("items").get(1).path("id").asLong()).isEqualTo(older);
        assertThat(ci.get("/api/v1/jobs?tag=branch:main&tag=commit:aaa").json().path("items"))
                .hasSize(1);
        assertThat(ci.get("/api/v1/jobs?tag=branch:feature/x")
                        .json()
                        .path("totalItems")
                        .asInt())
                .isEqualTo(1);

        ApiClient.Response bad = ci.get("/api/v1/jobs?tag=branch");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").get(0).path("field").asString()).isEqualTo("tag");
        ApiClient.Response badSpec = ci.postJson("/api/v1/jobs", externalJob("bad", "{\"branch\": 5, \"a b\": \"x\"}"));
        assertThat(badSpec.status()).isEqualTo(400);
        assertThat(badSpec.text()).contains("tags.branch").contains("a b");
    }

    /** Submits an external job of one trial and finishes it with {@code value}. */
    private static long complete(ApiClient api, String spec, double value) {
        long id = api.submit(spec);
        ApiClient.Response ask = api.postJson("/api/v1/jobs/" + id + "/trials/ask", "{}");
        assertThat(ask.status()).as(ask.text()).isEqualTo(201);
        int number = ask.json().path("number").asInt();
        assertThat(api.postJson("/api/v1/jobs/" + id + "/trials/" + number + "/tell", "{\"value\": " + value + "}")
                        .status())
                .isEqualTo(200);
        return id;
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.path("items").forEach(i -> names.add(i.path("name").asString()));
        return names;
    }
}
