package dev.anneal.db.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The Testcontainers source of {@link TestDatabase}. Kept apart so that machines without a
 * Docker engine only pay for one availability probe and then skip it.
 */
final class ContainerDatabase {

    private static final String IMAGE = "postgres:16-alpine";

    private ContainerDatabase() {}

    static boolean dockerAvailable() {
        // without a socket or DOCKER_HOST there is nothing to probe, and the probe logs errors
        if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // lives as long as the test JVM; Testcontainers' reaper removes it
    static TestDatabase.Server start() {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
        container.start();
        return new TestDatabase.Server(
                container.getJdbcUrl(),
                container.getUsername(),
                container.getPassword(),
                "Testcontainers (" + IMAGE + ")");
    }
}
