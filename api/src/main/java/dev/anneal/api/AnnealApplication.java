package dev.anneal.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The Anneal server: REST API, scheduler and (by default) embedded workers and an embedded
 * PostgreSQL. Scans the db module's repositories and the worker module's configuration (not
 * its standalone {@code WorkerApplication}), so embedded workers are part of the server.
 */
@SpringBootApplication(scanBasePackages = {"dev.anneal.api", "dev.anneal.db", "dev.anneal.worker.config"})
@EntityScan("dev.anneal.db")
@EnableJpaRepositories("dev.anneal.db")
@ConfigurationPropertiesScan("dev.anneal.api")
public class AnnealApplication {

    public static void main(String[] args) {
        SpringApplication.run(AnnealApplication.class, args);
    }
}
