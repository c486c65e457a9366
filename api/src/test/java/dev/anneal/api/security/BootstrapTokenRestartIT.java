package dev.anneal.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.api.AnnealApplication;
import dev.anneal.api.support.ApiClient;
import dev.anneal.db.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Restarts of the whole server on one database with {@code anneal.security.bootstrap-token}
 * still set after that token was revoked: the server starts, does not bring the token back, and
 * says once what happened and what to do; a new value then becomes the admin token.
 */
@ExtendWith(OutputCaptureExtension.class)
class BootstrapTokenRestartIT {

    static final String FIRST = "anneal_restart-bootstrap-first-0123456789abcdefgh";
    static final String SECOND = "anneal_restart-bootstrap-second-0123456789abcdef";

    @TempDir
    Path home;

    @Test
    void aRevokedBootstrapTokenStaysRevokedAcrossRestarts(CapturedOutput output) throws Exception {
        TestDatabase.Schema schema = TestDatabase.freshSchema();
        JsonNode made;
        try (ConfigurableApplicationContext first = start(schema, FIRST)) {
            ApiClient root = client(first, FIRST);
            made = TokenHierarchyIT.mint(root, "{\"name\": \"ci\", \"project\": \"team\"}");
            long rootId = -1;
            for (JsonNode t : root.get("/api/v1/tokens").json()) {
                if (t.path("admin").asBoolean() && t.path("project").asString().equals("default")) {
                    rootId = t.path("id").asLong();
                }
            }
            assertThat(root.delete("/api/v1/tokens/" + rootId).status()).isEqualTo(204);
            assertThat(root.get("/api/v1/jobs").status()).isEqualTo(401);
        }

        int before = output.toString().length();
        try (ConfigurableApplicationContext second = start(schema, FIRST)) {
            ApiClient stale = client(second, FIRST);
            assertThat(stale.get("/actuator/health").status()).isEqualTo(200);
            assertThat(stale.get("/api/v1/jobs").status())
                    .as("the revoked bootstrap token is not brought back")
                    .isEqualTo(401);
            assertThat(new ApiClient(port(second), made.path("token").asString())
                            .get("/api/v1/jobs")
                            .status())
                    .as("nor what it made")
                    .isEqualTo(401);
            String log = output.toString().substring(before);
            assertThat(log.split("was revoked on", -1))
                    .as("said once:%n%s", log)
                    .hasSize(2);
            assertThat(log)
                    .containsPattern(
                            "WARN .*The token in anneal.security.bootstrap-token \\(anneal_restar…, token id \\d+,"
                                    + " project 'default'\\) was revoked on \\S+; it is not recreated")
                    .contains("No admin token is live now")
                    .contains("set to a new value")
                    .contains(home.resolve("admin-token").toString())
                    .doesNotContain(FIRST)
                    .doesNotContain("Created an admin API token");
            assertThat(rowsWithHash(schema, FIRST)).isEqualTo(1);
        }
        assertThat(home.resolve("admin-token")).doesNotExist();

        try (ConfigurableApplicationContext third = start(schema, SECOND)) {
            ApiClient admin = client(third, SECOND);
            assertThat(admin.get("/api/v1/jobs").status())
                    .as("a new value becomes the admin token")
                    .isEqualTo(200);
            assertThat(TokenHierarchyIT.mint(admin, "{\"name\": \"ops\", \"admin\": true}")
                            .path("admin")
                            .asBoolean())
                    .isTrue();
        }
    }

    private ConfigurableApplicationContext start(TestDatabase.Schema schema, String bootstrapToken) {
        // command-line arguments, because builder properties rank below application.yaml (server.port)
        return new SpringApplicationBuilder(AnnealApplication.class)
                .run(
                        "--spring.datasource.url=" + schema.jdbcUrl(),
                        "--spring.datasource.username=" + schema.server().user(),
                        "--spring.datasource.password=" + schema.server().password(),
                        "--server.port=0",
                        "--anneal.worker.slots=0",
                        "--anneal.security.enabled=true",
                        "--anneal.security.admin-token-file=" + home.resolve("admin-token"),
                        "--anneal.security.bootstrap-token=" + bootstrapToken);
    }

    private static int port(ConfigurableApplicationContext server) {
        return Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
    }

    private static ApiClient client(ConfigurableApplicationContext server, String token) {
        return new ApiClient(port(server), token);
    }

    private static int rowsWithHash(TestDatabase.Schema schema, String token) throws SQLException {
        try (Connection c = schema.server().connect();
                PreparedStatement st = c.prepareStatement(
                        "select count(*) from " + schema.name() + ".api_token where token_hash = ?")) {
            st.setString(1, TokenSecrets.hash(token));
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
