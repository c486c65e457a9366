package dev.anneal.db;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots the db module alone (Flyway, JPA, JdbcClient) for its integration tests. */
@SpringBootApplication
public class DbTestApplication {}
