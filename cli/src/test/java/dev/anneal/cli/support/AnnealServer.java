package dev.anneal.cli.support;

import dev.anneal.api.AnnealApplication;
import dev.anneal.db.testing.TestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real Anneal server, started in-process once per test JVM on a fresh PostgreSQL schema and
 * a random port, so the CLI talks to it over real HTTP. Shared by the integration tests (each
 * submits its own jobs, so they do not interfere) and stopped when the JVM exits. Security is
 * on, with {@link #ADMIN_TOKEN} as the first admin token.
 */
public final class AnnealServer {

    /** The admin token the server is started with: security stays on, as in production. */
    public static final String ADMIN_TOKEN = "anneal_cli-test-admin-" + java.util.UUID.randomUUID();

    private static ConfigurableApplicationContext server;

    private AnnealServer() {}

    /** The base URL, e.g. {@code http://localhost:41234}. */
    public static synchronized String url() {
        if (server == null) {
            server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "anneal-test-server-stop"));
        }
        return "http://localhost:" + server.getEnvironment().getProperty("local.server.port");
    }

    private static ConfigurableApplicationContext start() {
        TestDatabase.Schema schema = TestDatabase.freshSchema();
        // as command-line arguments: builder properties are defaults, below application.yaml's port 8080
        return new SpringApplicationBuilder(AnnealApplication.class)
                .run(
                        "--spring.datasource.url=" + schema.jdbcUrl(),
                        "--spring.datasource.username=" + schema.server().user(),
                        "--spring.datasource.password=" + schema.server().password(),
                        "--server.port=0",
                        "--anneal.security.bootstrap-token=" + ADMIN_TOKEN,
                        // CI has 2 cores: two one-thread trials at a time
                        "--anneal.worker.slots=2",
                        "--anneal.worker.threads-per-trial=1",
                        "--anneal.scheduler.interval=250ms",
                        "--anneal.scheduler.fail-fast-after=2");
    }
}
