package dev.anneal.worker;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * A worker-only process: {@code java -jar worker/target/anneal-worker.jar} with
 * {@code SPRING_DATASOURCE_URL} pointing at the PostgreSQL the server uses. It claims queued
 * trials of DL4J jobs and trains them; scheduling, the API and migrations stay with the server.
 * Its own settings file is {@code anneal-worker.yaml}, so it never picks up a server's
 * {@code application.yaml}.
 */
@SpringBootApplication(scanBasePackages = {"dev.anneal.worker.config", "dev.anneal.db"})
public class WorkerApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(WorkerApplication.class)
                .properties("spring.config.name=anneal-worker")
                .listeners(requireDatabaseUrl())
                .run(args);
    }

    /** Without a URL Spring would look for an embedded database and fail with a riddle. */
    static ApplicationListener<ApplicationEnvironmentPreparedEvent> requireDatabaseUrl() {
        return event -> {
            String url = event.getEnvironment().getProperty("spring.datasource.url");
            if (url == null || url.isBlank()) {
                throw new IllegalStateException(
                        "a worker needs the server's database: set SPRING_DATASOURCE_URL (and _USERNAME, _PASSWORD),"
                                + " e.g. SPRING_DATASOURCE_URL=jdbc:postgresql://db-host:5432/anneal");
            }
        };
    }
}
