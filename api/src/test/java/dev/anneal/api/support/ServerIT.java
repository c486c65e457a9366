package dev.anneal.api.support;

import dev.anneal.db.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of tests that talk to the server started in-process on a random port: each test class
 * (with its own {@code @SpringBootTest} settings and {@code @DirtiesContext}) gets a fresh schema
 * of the test database and a client for the server, without security unless the class's
 * settings turn it on.
 */
public abstract class ServerIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @LocalServerPort
    protected int port;

    protected ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }
}
