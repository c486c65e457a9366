package dev.anneal.api.embedded;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded PostgreSQL started when {@code spring.datasource.url} is not set
 * ({@code anneal.embedded-db.*}).
 *
 * @param dataDir where the database files live; they survive restarts (default {@code ~/.anneal/postgres})
 * @param port TCP port on 127.0.0.1; 0 picks a free one (the log names it)
 */
@ConfigurationProperties("anneal.embedded-db")
public record EmbeddedDatabaseProperties(
        Path dataDir, @DefaultValue("0") int port) {

    public EmbeddedDatabaseProperties {
        if (dataDir == null) {
            dataDir = Path.of(System.getProperty("user.home"), ".anneal", "postgres");
        }
    }
}
