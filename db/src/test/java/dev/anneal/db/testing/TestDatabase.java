package dev.anneal.db.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The one place that decides where integration tests get PostgreSQL, in this order:
 *
 * <ol>
 *   <li>{@code ANNEAL_TEST_DB_URL} (a JDBC URL; user from {@code ANNEAL_TEST_DB_USER}, default
 *       {@code postgres}, password from {@code ANNEAL_TEST_DB_PASSWORD}), as CI does;
 *   <li>a Testcontainers PostgreSQL when a Docker engine answers;
 *   <li>an embedded PostgreSQL (real binaries from a Maven artifact) for this JVM.
 * </ol>
 *
 * <p>Each test class calls {@link #register} from a {@code @DynamicPropertySource} method and
 * gets a schema of its own, so no test sees another's rows. Schemas left behind by runs that
 * were killed are dropped when they are older than a few hours.
 */
public final class TestDatabase {

    private static final Logger log = LoggerFactory.getLogger(TestDatabase.class);
    private static final String SCHEMA_PREFIX = "anneal_t_";
    private static final Duration STALE_AFTER = Duration.ofHours(6);

    private static Server server;

    private TestDatabase() {}

    /** Where the server came from and how to reach it. */
    public record Server(String jdbcUrl, String user, String password, String origin) {

        /** The same URL with {@code currentSchema} set, so unqualified SQL and Flyway use it. */
        public String jdbcUrl(String schema) {
            return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        public Connection connect() throws SQLException {
            Properties props = new Properties();
            props.setProperty("user", user);
            if (password != null && !password.isEmpty()) {
                props.setProperty("password", password);
            }
            return DriverManager.getConnection(jdbcUrl, props);
        }
    }

    /** A schema made for one test class. */
    public record Schema(Server server, String name) {

        public String jdbcUrl() {
            return server.jdbcUrl(name);
        }
    }

    /** Creates a fresh schema and points {@code spring.datasource.*} at it. */
    public static Schema register(DynamicPropertyRegistry registry) {
        Schema schema = freshSchema();
        registry.add("spring.datasource.url", schema::jdbcUrl);
        registry.add("spring.datasource.username", () -> schema.server().user());
        registry.add("spring.datasource.password", () -> schema.server().password());
        return schema;
    }

    public static Schema freshSchema() {
        Server s = server();
        String name = SCHEMA_PREFIX
                + Instant.now().getEpochSecond()
                + "_"
                + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = s.connect();
                var st = c.createStatement()) {
            st.execute("create schema " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test schema on " + s.origin(), e);
        }
        return new Schema(s, name);
    }

    public static synchronized Server server() {
        if (server == null) {
            server = locate();
            log.info("Integration tests use PostgreSQL from {}: {}", server.origin(), server.jdbcUrl());
            dropStaleSchemas(server);
        }
        return server;
    }

    private static Server locate() {
        String url = System.getenv("ANNEAL_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return new Server(
                    url,
                    envOr("ANNEAL_TEST_DB_USER", "postgres"),
                    envOr("ANNEAL_TEST_DB_PASSWORD", ""),
                    "ANNEAL_TEST_DB_URL");
        }
        if (ContainerDatabase.dockerAvailable()) {
            return ContainerDatabase.start();
        }
        return embedded();
    }

    private static Server embedded() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            return new Server(pg.getJdbcUrl("postgres", "postgres"), "postgres", "", "embedded PostgreSQL");
        } catch (Exception e) {
            throw new IllegalStateException(
                    "no test PostgreSQL: ANNEAL_TEST_DB_URL is unset, Docker is unavailable and embedded PostgreSQL did not start",
                    e);
        }
    }

    private static void dropStaleSchemas(Server s) {
        long cutoff = Instant.now().minus(STALE_AFTER).getEpochSecond();
        try (Connection c = s.connect();
                var st = c.createStatement()) {
            List<String> stale = new ArrayList<>();
            try (var rs =
                    st.executeQuery("select nspname from pg_namespace where nspname like '" + SCHEMA_PREFIX + "%'")) {
                while (rs.next()) {
                    String name = rs.getString(1);
                    String[] parts = name.substring(SCHEMA_PREFIX.length()).split("_");
                    if (parts.length == 2
                            && parts[0].chars().allMatch(Character::isDigit)
                            && Long.parseLong(parts[0]) < cutoff) {
                        stale.add(name);
                    }
                }
            }
            st.execute("set lock_timeout = '2s'");
            for (String name : stale) {
                st.execute("drop schema if exists " + name + " cascade");
            }
        } catch (SQLException e) {
            log.warn("Could not drop stale test schemas: {}", e.getMessage());
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
