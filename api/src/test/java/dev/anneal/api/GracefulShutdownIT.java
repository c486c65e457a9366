package dev.anneal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.anneal.api.support.ApiClient;
import dev.anneal.db.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Stopping the server hands running trials back to the queue at once instead of leaving them to the reaper. */
class GracefulShutdownIT {

    @Test
    void stoppingTheServerReleasesRunningTrials() throws Exception {
        TestDatabase.Schema schema = TestDatabase.freshSchema();
        ConfigurableApplicationContext server = new SpringApplicationBuilder(AnnealApplication.class)
                .properties(
                        "spring.datasource.url=" + schema.jdbcUrl(),
                        "spring.datasource.username=" + schema.server().user(),
                        "spring.datasource.password=" + schema.server().password(),
                        "anneal.worker.slots=2")
                .run("--server.port=0"); // an argument: builder properties rank below application.yaml's 8080
        ApiClient api = new ApiClient(Integer.parseInt(server.getEnvironment().getProperty("local.server.port")));
        long id = api.submit("""
                { "dataset": "digits", "target": "label", "maxTrials": 4, "parallelism": 2,
                  "searchSpace": { "epochs": 1000, "units": 32 } }
                """);
        await().atMost(Duration.ofMinutes(1))
                .until(() -> api.get("/api/v1/jobs/" + id)
                                .json()
                                .path("trials")
                                .path("running")
                                .asInt()
                        == 2);

        server.close();

        List<String> trials = new ArrayList<>();
        try (Connection c = schema.server().connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select state, attempt, worker_id from " + schema.name() + ".trial")) {
            while (rs.next()) {
                trials.add(rs.getString(1) + " attempt=" + rs.getInt(2) + " worker=" + rs.getString(3));
            }
        }
        assertThat(trials).containsExactly("QUEUED attempt=0 worker=null", "QUEUED attempt=0 worker=null");
    }
}
