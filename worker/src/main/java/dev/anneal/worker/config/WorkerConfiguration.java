package dev.anneal.worker.config;

import dev.anneal.db.dataset.DatasetContentStore;
import dev.anneal.db.job.JobSpecs;
import dev.anneal.db.prune.PruningPolicies;
import dev.anneal.db.prune.TrialPruning;
import dev.anneal.db.shared.WorkSignal;
import dev.anneal.db.trial.TrialModels;
import dev.anneal.db.trial.TrialQueue;
import dev.anneal.db.worker.WorkerRegistry;
import dev.anneal.worker.claim.Heartbeater;
import dev.anneal.worker.claim.WorkerPool;
import dev.anneal.worker.claim.WorkerRegistration;
import dev.anneal.worker.metrics.WorkerMetrics;
import dev.anneal.worker.run.DatabaseRetry;
import dev.anneal.worker.run.TrainingDataCache;
import dev.anneal.worker.run.TrialRunner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetAddress;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
    WorkerMetrics workerMetrics(ObjectProvider<MeterRegistry> registry, WorkerProperties properties) {
        return new WorkerMetrics(registry.getIfAvailable(SimpleMeterRegistry::new), properties.effectiveSlots());
    }

    @Bean
    TrainingDataCache trainingDataCache(DatasetContentStore contents, WorkerProperties properties) {
        return new TrainingDataCache(contents, properties.datasetCacheEntries(), properties.cacheDirectory());
    }

    @Bean
    DatabaseRetry databaseRetry(WorkerProperties properties) {
        return new DatabaseRetry(properties.databaseRetry());
    }

    @Bean
    TrialRunner trialRunner(
            TrialQueue queue,
            TrialModels models,
            JobSpecs jobs,
            TrainingDataCache data,
            JsonMapper json,
            WorkerMetrics metrics,
            DatabaseRetry retry,
            PruningPolicies policies,
            TrialPruning pruning,
            dev.anneal.db.trial.ParetoRanks paretoRanks) {
        return new TrialRunner(queue, models, jobs, data, json, metrics, retry, policies, pruning, paretoRanks);
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
            WorkerRegistry registry) {
        String workerId = workerId(properties);
        var registration = new WorkerRegistration(registry, workerId, host(), properties.effectiveSlots());
        WorkerPool pool = new WorkerPool(
                workerId, properties, queue, runner, heartbeater, signal, metrics, registration, events::publishEvent);
        metrics.gaugeBusySlots(pool::busySlots);
        return pool;
    }

    static String workerId(WorkerProperties properties) {
        if (!properties.workerId().isBlank()) {
            return properties.workerId();
        }
        return host() + "-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 4);
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }
}
