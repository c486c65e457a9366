package dev.anneal.api.embedded;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The zero-set-up default: when {@code spring.datasource.url} is not set, start an embedded
 * PostgreSQL and point the data source at it. Everything downstream (Flyway, JPA, health) sees
 * an ordinary PostgreSQL, with the same SQL as production.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDataSourceUrlCondition.class)
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) {
        return EmbeddedPostgresLauncher.start(properties.dataDir(), properties.port());
    }

    /** Hikari settings still come from {@code spring.datasource.hikari.*}. */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.postgresql.Driver")
                .url("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres")
                .username("postgres")
                .password("")
                .build();
        dataSource.setPoolName("anneal-embedded");
        return dataSource;
    }
}
