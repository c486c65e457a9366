package dev.anneal.worker.config;

import dev.anneal.db.dataset.DatasetContentStore;
import dev.anneal.db.trial.TrialQueue;
import dev.anneal.worker.claim.Heartbeater;
import dev.anneal.worker.claim.WorkSignal;
import dev.anneal.worker.claim.WorkerPool;
import dev.anneal.worker.metrics.WorkerMetrics;
import dev.anneal.worker.run.JobCatalog;
import dev.anneal.worker.run.TrainingDataCache;
import dev.anneal.worker.run.TrialRunner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** Wires the trial slots of this process: claim loop, heartbeats, runner and caches. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkerProperties.class)
public class WorkerConfiguration {

    @Bean
    WorkSignal workSignal() {
        return new WorkSignal();
    }

    @Bean
    WorkerMetrics workerMetrics(
            ObjectProvider<MeterRegistry> registry, WorkerProperties properties, WorkerPoolHolder pool) {
        return new WorkerMetrics(
                registry.getIfAvailable(SimpleMeterRegistry::new), properties.effectiveSlots(), pool::busySlots);
    }

    @Bean
    WorkerPoolHolder workerPoolHolder() {
        return new WorkerPoolHolder();
    }

    @Bean
    JobCatalog jobCatalog(JdbcClient jdbc, JsonMapper json) {
        return new JobCatalog(jdbc, json);
    }

    @Bean
    TrainingDataCache trainingDataCache(DatasetContentStore contents, WorkerProperties properties) {
        return new TrainingDataCache(contents, properties.datasetCacheEntries());
    }

    @Bean
    TrialRunner trialRunner(
            TrialQueue queue, JobCatalog jobs, TrainingDataCache data, JsonMapper json, WorkerMetrics metrics) {
        return new TrialRunner(queue, jobs, data, json, metrics);
    }

    @Bean
    Heartbeater heartbeater(TrialQueue queue, WorkerMetrics metrics, WorkerProperties properties) {
        return new Heartbeater(queue, metrics, properties.heartbeatInterval());
    }

    @Bean
    WorkerPool workerPool(
            WorkerProperties properties,
            TrialQueue queue,
            TrialRunner runner,
            Heartbeater heartbeater,
            WorkSignal signal,
            WorkerMetrics metrics,
            ApplicationEventPublisher events,
            WorkerPoolHolder holder) {
        var settings = new WorkerPool.WorkerPoolSettings(
                workerId(properties),
                properties.effectiveSlots(),
                properties.effectiveThreadsPerTrial(),
                properties.pollInterval(),
                properties.shutdownGrace());
        WorkerPool pool = new WorkerPool(settings, queue, runner, heartbeater, signal, metrics, events::publishEvent);
        holder.pool.set(pool);
        return pool;
    }

    static String workerId(WorkerProperties properties) {
        if (!properties.workerId().isBlank()) {
            return properties.workerId();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 4);
    }

    /** Lets the busy-slots gauge read the pool, which is created after the metrics it reports to. */
    static final class WorkerPoolHolder {
        private final AtomicReference<WorkerPool> pool = new AtomicReference<>();

        int busySlots() {
            WorkerPool p = pool.get();
            return p == null ? 0 : p.busySlots();
        }
    }
}
