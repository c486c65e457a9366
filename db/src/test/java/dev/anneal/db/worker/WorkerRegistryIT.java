package dev.anneal.db.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.db.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest
class WorkerRegistryIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @Autowired
    WorkerRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void clean() {
        jdbc.sql("truncate worker").update();
    }

    @Test
    void listsRecentWorkersAndForgetsLongSilentOnes() {
        registry.beat("busy", "host-a", 11, 4, 2, 7);
        registry.beat("gone", "host-b", 12, 2, 1, 3);
        registry.beat("stopped", "host-c", 13, 1, 0, 9);
        registry.stopped("stopped", 10);
        ago("gone", Duration.ofDays(8));

        assertThat(registry.recent(Duration.ofDays(1), Duration.ofSeconds(20)))
                .extracting(WorkerRecord::id, WorkerRecord::alive, WorkerRecord::busySlots, WorkerRecord::trialsDone)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("busy", true, 2, 7L),
                        org.assertj.core.groups.Tuple.tuple("stopped", false, 0, 10L));

        assertThat(registry.forget(Duration.ofDays(7))).isEqualTo(1);
        assertThat(jdbc.sql("select id from worker order by id")
                        .query(String.class)
                        .list())
                .containsExactly("busy", "stopped");

        registry.beat("gone", "host-b", 14, 2, 0, 0);
        assertThat(registry.recent(Duration.ofDays(1), Duration.ofSeconds(20)))
                .as("a forgotten worker that comes back registers again")
                .extracting(WorkerRecord::id)
                .contains("gone");
    }

    private void ago(String id, Duration age) {
        jdbc.sql("update worker set heartbeat_at = now() - :ms * interval '1 millisecond' where id = :id")
                .param("ms", age.toMillis())
                .param("id", id)
                .update();
    }
}
