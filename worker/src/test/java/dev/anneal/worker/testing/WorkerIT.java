package dev.anneal.worker.testing;

import dev.anneal.db.DbTestApplication;
import dev.anneal.db.dataset.DatasetContentStore;
import dev.anneal.db.testing.TestDatabase;
import dev.anneal.db.trial.TrialQueue;
import dev.anneal.worker.config.WorkerConfiguration;
import dev.anneal.worker.run.TrialRunner;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the worker's integration tests: the db module's context (a Flyway-migrated schema of
 * its own from {@link TestDatabase}) plus the worker's beans as a worker process wires them. The
 * context's own pool has no slots, so nothing claims trials behind a test's back, and every test
 * starts from empty job and trial tables.
 */
@SpringBootTest(
        classes = {DbTestApplication.class, WorkerConfiguration.class},
        properties = {"anneal.worker.slots=0", "anneal.worker.warm-up=false", "anneal.worker.database-retry=2s"})
public abstract class WorkerIT {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
        // fetched datasets are cached on disk; keep the tests' copies out of ~/.anneal
        registry.add("anneal.worker.cache-dir", () -> System.getProperty("java.io.tmpdir") + "/anneal-worker-it");
    }

    @Autowired
    protected TrialQueue queue;

    @Autowired
    protected TrialRunner runner;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    DatasetContentStore contents;

    protected IrisJobs jobs;

    @BeforeEach
    void emptyTables() {
        jdbc.sql("truncate job, trial, trial_metric restart identity cascade").update();
        jobs = new IrisJobs(jdbc, json, contents);
    }
}
