package dev.anneal.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * The Anneal server: REST API, scheduler and (by default) embedded workers and an embedded
 * PostgreSQL. Scans {@code dev.anneal} so the db and worker modules' beans are part of it.
 */
@SpringBootApplication(scanBasePackages = "dev.anneal")
@EntityScan("dev.anneal.db")
@EnableJpaRepositories("dev.anneal.db")
@ConfigurationPropertiesScan("dev.anneal.api")
public class AnnealApplication {

    public static void main(String[] args) {
        SpringApplication.run(AnnealApplication.class, args);
    }
}
