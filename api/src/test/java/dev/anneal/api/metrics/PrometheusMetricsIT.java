package dev.anneal.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anneal.api.support.ApiClient;
import dev.anneal.db.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** After a job, the Prometheus endpoint exposes every meter the README's Metrics section lists. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"anneal.worker.slots=1"})
@DirtiesContext
class PrometheusMetricsIT {

    /** The README's table, as Prometheus names them (dots become underscores, units and _total appended). */
    static final List<String> DOCUMENTED = List.of(
            "anneal_trials_started_total",
            "anneal_trials_finished_total{application=\"anneal\",outcome=\"completed\"}",
            "anneal_trial_duration_seconds_bucket",
            "anneal_epochs_trained_total",
            "anneal_trials_queued",
            "anneal_trials_running",
            "anneal_workers_slots",
            "anneal_workers_busy",
            "anneal_sampler_latency_seconds_count{algorithm=\"random\"",
            "anneal_scheduler_reconcile_seconds_count",
            "anneal_worker_claim_latency_seconds_bucket",
            "anneal_worker_heartbeat_failures_total",
            "anneal_trials_reaped_total",
            "anneal_trials_expired_total",
            "anneal_events_streams",
            "anneal_importance_fit_seconds_count",
            "http_server_requests_seconds_count");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void prometheusOutputHasTheDocumentedMetersAndNoJobOrTrialTags() {
        ApiClient api = new ApiClient(port);
        long id = api.submit("""
                { "dataset": "iris", "target": "label",
                  "searchSpace": { "learningRate": { "type": "float", "min": 0.01, "max": 0.05 }, "epochs": 2 },
                  "algorithm": { "type": "random", "seed": 1 }, "maxTrials": 2, "parallelism": 1 }
                """);
        api.awaitFinished(id, Duration.ofMinutes(2));

        ApiClient.Response scrape = api.get("/actuator/prometheus");

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.text()).contains(DOCUMENTED);
        assertThat(scrape.text()).doesNotContain("jobId=", "trialId=", "job_id=", "trial=");
        assertThat(scrape.text())
                .as("two completed trials counted")
                .containsPattern("anneal_trials_finished_total\\{application=\"anneal\",outcome=\"completed\"} 2\\.0");
    }
}
