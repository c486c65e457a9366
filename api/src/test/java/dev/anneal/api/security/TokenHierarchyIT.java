package dev.anneal.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.api.support.ApiClient;
import dev.anneal.api.support.ServerIT;
import dev.anneal.db.token.ApiTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * The token hierarchy over real HTTP: who may revoke whom, revocation of everything a token
 * made, expiry, what a project's token may list, and a start whose configured bootstrap token
 * was revoked.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "anneal.worker.slots=0",
            "anneal.security.enabled=true",
            "anneal.security.bootstrap-token=" + TokenHierarchyIT.ROOT
        })
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class TokenHierarchyIT extends ServerIT {

    static final String ROOT = "anneal_test-hierarchy-root-0123456789abcdefghijkl";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokens tokens;

    ApiClient admin;

    @BeforeEach
    void admin() {
        admin = new ApiClient(port, ROOT);
    }

    /** A token made by {@code as}; the answer of the create call. */
    static JsonNode mint(ApiClient as, String body) {
        ApiClient.Response created = as.postJson("/api/v1/tokens", body);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json();
    }

    ApiClient client(JsonNode created) {
        return new ApiClient(port, created.path("token").asString());
    }

    long rootId() {
        return jdbc.sql("select id from api_token where created_by is null and admin order by id limit 1")
                .query(Long.class)
                .single();
    }

    @Test
    void aProjectTokenCannotRevokeAnAdminToken() {
        // same project as the root admin token: reachable by project, but not by rank
        ApiClient member = client(mint(admin, "{\"name\": \"member\"}"));
        JsonNode ops = mint(admin, "{\"name\": \"ops-admin\", \"project\": \"ops\", \"admin\": true}");

        ApiClient.Response refused = member.delete("/api/v1/tokens/" + rootId());
        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asString()).endsWith("/forbidden");
        assertThat(refused.json().path("detail").asString()).contains("only an admin token revokes admin tokens");
        assertThat(member.delete("/api/v1/tokens/" + ops.path("id").asLong()).status())
                .as("another project's admin token does not exist for it")
                .isEqualTo(404);

        assertThat(admin.get("/api/v1/jobs").status())
                .as("the admin token still works")
                .isEqualTo(200);
        assertThat(client(ops).get("/api/v1/jobs").status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from api_token where revoked_at is not null and id in (:ids)")
                        .param("ids", List.of(rootId(), ops.path("id").asLong()))
                        .query(Long.class)
                        .single())
                .as("nothing was revoked")
                .isZero();
    }

    @Test
    void revokingATokenRevokesEverythingItMadeTransitively() {
        JsonNode a = mint(admin, "{\"name\": \"a\", \"project\": \"chain\"}");
        JsonNode b = mint(client(a), "{\"name\": \"b\"}");
        JsonNode c = mint(client(b), "{\"name\": \"c\"}");
        JsonNode sibling = mint(admin, "{\"name\": \"sibling\", \"project\": \"chain\"}");
        assertThat(a.path("createdBy").asLong()).isEqualTo(rootId());
        assertThat(b.path("createdBy").asLong()).isEqualTo(a.path("id").asLong());
        assertThat(c.path("createdBy").asLong()).isEqualTo(b.path("id").asLong());
        assertThat(client(c).get("/api/v1/jobs").status()).isEqualTo(200);

        assertThat(admin.delete("/api/v1/tokens/" + a.path("id").asLong()).status())
                .isEqualTo(204);

        for (JsonNode gone : List.of(a, b, c)) {
            ApiClient.Response r = client(gone).get("/api/v1/jobs");
            assertThat(r.status()).as(gone.path("name").asString()).isEqualTo(401);
            assertThat(r.json().path("detail").asString()).contains("revoked");
        }
        assertThat(client(sibling).get("/api/v1/jobs").status())
                .as("a token of the same project made by someone else")
                .isEqualTo(200);
        assertThat(client(c).postJson("/api/v1/tokens", "{\"name\": \"d\"}").status())
                .as("a revoked token makes nothing")
                .isEqualTo(401);

        JsonNode listed = admin.get("/api/v1/tokens").json();
        List<Long> revoked = new ArrayList<>();
        listed.forEach(t -> {
            assertThat(t.has("createdBy") && t.has("expiresAt") && t.has("revokedAt"))
                    .isTrue();
            if (t.path("project").asString().equals("chain")
                    && !t.path("revokedAt").isNull()) {
                revoked.add(t.path("id").asLong());
            }
        });
        assertThat(revoked)
                .containsExactly(
                        a.path("id").asLong(),
                        b.path("id").asLong(),
                        c.path("id").asLong());
    }

    @Test
    void aProjectTokenRevokesItsProjectsTokensWithWhatTheyMade() {
        ApiClient lead = client(mint(admin, "{\"name\": \"lead\", \"project\": \"team\"}"));
        JsonNode ci = mint(lead, "{\"name\": \"ci\"}");
        JsonNode job = mint(client(ci), "{\"name\": \"one-job\"}");

        assertThat(lead.delete("/api/v1/tokens/" + ci.path("id").asLong()).status())
                .isEqualTo(204);
        assertThat(client(ci).get("/api/v1/jobs").status()).isEqualTo(401);
        assertThat(client(job).get("/api/v1/jobs").status()).isEqualTo(401);
        assertThat(lead.get("/api/v1/jobs").status()).isEqualTo(200);
        assertThat(lead.delete("/api/v1/tokens/" + job.path("id").asLong()).status())
                .as("already revoked with its creator")
                .isEqualTo(404);
    }

    @Test
    void aProjectTokenListsAndRevokesOnlyItsProjectsNonAdminTokens() {
        JsonNode own = mint(admin, "{\"name\": \"own\", \"project\": \"alpha\"}");
        ApiClient alpha = client(own);
        JsonNode peer = mint(admin, "{\"name\": \"peer\", \"project\": \"alpha\"}");
        JsonNode made = mint(alpha, "{\"name\": \"made\"}");
        JsonNode alphaAdmin = mint(admin, "{\"name\": \"alpha-admin\", \"project\": \"alpha\", \"admin\": true}");
        JsonNode foreign = mint(admin, "{\"name\": \"foreign\", \"project\": \"beta\"}");

        List<String> seen = new ArrayList<>();
        alpha.get("/api/v1/tokens").json().forEach(t -> {
            seen.add(t.path("name").asString());
            assertThat(t.has("token")).as("secrets are never listed").isFalse();
        });
        assertThat(seen).containsExactly("own", "peer", "made");
        List<String> all = new ArrayList<>();
        admin.get("/api/v1/tokens").json().forEach(t -> all.add(t.path("name").asString()));
        assertThat(all).contains("own", "peer", "made", "alpha-admin", "foreign");

        ApiClient.Response other =
                alpha.delete("/api/v1/tokens/" + foreign.path("id").asLong());
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(alpha.delete("/api/v1/tokens/" + alphaAdmin.path("id").asLong())
                        .status())
                .isEqualTo(403);
        assertThat(client(foreign).get("/api/v1/jobs").status()).isEqualTo(200);
        assertThat(client(alphaAdmin).get("/api/v1/jobs").status()).isEqualTo(200);

        assertThat(alpha.delete("/api/v1/tokens/" + peer.path("id").asLong()).status())
                .as("a non-admin token of its own project, made by someone else")
                .isEqualTo(204);
        assertThat(client(peer).get("/api/v1/jobs").status()).isEqualTo(401);
        assertThat(client(made).get("/api/v1/jobs").status()).isEqualTo(200);

        // and it makes only non-admin tokens of its own project
        assertThat(alpha.postJson("/api/v1/tokens", "{\"name\": \"x\", \"admin\": true}")
                        .status())
                .isEqualTo(403);
        assertThat(alpha.postJson("/api/v1/tokens", "{\"name\": \"x\", \"project\": \"beta\"}")
                        .status())
                .isEqualTo(403);
        assertThat(made.path("project").asString()).isEqualTo("alpha");
        assertThat(made.path("admin").asBoolean()).isFalse();
    }

    @Test
    void anExpiredTokenIsRefusedSayingItExpired() {
        Instant before = Instant.now();
        JsonNode shortLived = mint(admin, "{\"name\": \"short\", \"project\": \"exp\", \"expiresIn\": \"90m\"}");
        Instant expiresAt = Instant.parse(shortLived.path("expiresAt").asString());
        assertThat(expiresAt)
                .isBetween(
                        before.plus(Duration.ofMinutes(90)).minusSeconds(5),
                        Instant.now().plus(Duration.ofMinutes(90)).plusSeconds(5));
        ApiClient holder = client(shortLived);
        assertThat(holder.get("/api/v1/jobs").status()).isEqualTo(200);

        // what it makes ends no later than it does
        JsonNode plain = mint(holder, "{\"name\": \"plain\"}");
        JsonNode longer = mint(holder, "{\"name\": \"longer\", \"expiresIn\": \"30d\"}");
        JsonNode shorter = mint(holder, "{\"name\": \"shorter\", \"expiresIn\": \"12h\"}");
        JsonNode briefer = mint(holder, "{\"name\": \"briefer\", \"expiresIn\": \"10m\"}");
        assertThat(Instant.parse(plain.path("expiresAt").asString())).isEqualTo(expiresAt);
        assertThat(Instant.parse(longer.path("expiresAt").asString())).isEqualTo(expiresAt);
        assertThat(Instant.parse(shorter.path("expiresAt").asString())).isEqualTo(expiresAt);
        assertThat(Instant.parse(briefer.path("expiresAt").asString())).isBefore(expiresAt);
        assertThat(mint(admin, "{\"name\": \"forever\", \"project\": \"exp\"}")
                        .path("expiresAt")
                        .isNull())
                .isTrue();

        jdbc.sql("update api_token set expires_at = now() - interval '1 second' where id = :id")
                .param("id", shortLived.path("id").asLong())
                .update();
        ApiClient.Response refused = holder.get("/api/v1/jobs");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.headers().getFirst("WWW-Authenticate")).startsWith("Bearer");
        assertThat(refused.json().path("detail").asString()).contains("expired");
        assertThat(holder.postJson("/api/v1/tokens", "{\"name\": \"late\"}").status())
                .isEqualTo(401);
    }

    @Test
    void badExpiresInIs400NamingTheFieldAndWritesNothing() {
        long before = tokenCount();
        for (String value :
                List.of("\"30\"", "\"30s\"", "\"0d\"", "\"3651d\"", "\"1.5h\"", "\"\"", "\"-1d\"", "\"1w\"", "30")) {
            ApiClient.Response r = admin.postJson(
                    "/api/v1/tokens", "{\"name\": \"x\", \"project\": \"new-one\", \"expiresIn\": " + value + "}");
            assertThat(r.status()).as(value).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("expiresIn");
            assertThat(r.json().path("errors").get(0).path("message").asString())
                    .contains("90m")
                    .contains("3650d");
        }
        assertThat(tokenCount()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from project where name = 'new-one'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(mint(admin, "{\"name\": \"max\", \"expiresIn\": \"3650d\"}")
                        .path("expiresAt")
                        .isNull())
                .isFalse();
    }

    @Test
    void aRevokedBootstrapTokenIsNotRecreatedWhileAnotherAdminIsLive(CapturedOutput output) throws Exception {
        JsonNode former = mint(admin, "{\"name\": \"former-bootstrap\", \"admin\": true}");
        String secret = former.path("token").asString();
        assertThat(admin.delete("/api/v1/tokens/" + former.path("id").asLong()).status())
                .isEqualTo(204);
        long before = tokenCount();

        new AdminTokenBootstrap(new AccessProperties(true, "", secret), tokens).run(null);

        assertThat(tokenCount()).isEqualTo(before);
        assertThat(client(former).get("/api/v1/jobs").status()).isEqualTo(401);
        assertThat(output.toString())
                .containsPattern("WARN .*The token in anneal.security.bootstrap-token \\(anneal_\\S+…, token id "
                        + former.path("id").asLong() + ", project 'default'\\) was revoked on ")
                .contains("Unset anneal.security.bootstrap-token: an admin token is live")
                .doesNotContain(secret);

        String unused = "anneal_never-stored-0123456789abcdefghijklmnopqrstu";
        new AdminTokenBootstrap(new AccessProperties(true, "", unused), tokens).run(null);
        assertThat(tokenCount())
                .as("an admin token is live: a new value is not used")
                .isEqualTo(before);
        assertThat(output.toString()).contains("anneal.security.bootstrap-token is not used: an admin token is live");
    }

    private long tokenCount() {
        return jdbc.sql("select count(*) from api_token").query(Long.class).single();
    }
}
