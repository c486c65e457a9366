package dev.anneal.api.scheduler;

import dev.anneal.db.shared.AnnealMetricNames;
import dev.anneal.db.trial.TrialQueue;
import dev.anneal.db.trial.TrialRepository;
import dev.anneal.db.trial.TrialState;
import dev.anneal.tuner.sampler.Samplers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The scheduler's meters: queued and running trials, sampler latency, reaped and expired trials. */
@Component
class SchedulerMetrics {

    private final Map<String, Timer> samplerLatency = new HashMap<>();
    private final Map<TrialState, Counter> reaped = new EnumMap<>(TrialState.class);
    private final Timer reconcile;
    private final Counter expired;

    SchedulerMetrics(MeterRegistry registry, TrialQueue queue, TrialRepository trials) {
        Gauge.builder(AnnealMetricNames.TRIALS_QUEUED, queue, TrialQueue::countQueued)
                .description("Trials waiting for a worker, across all jobs")
                .register(registry);
        Gauge.builder(AnnealMetricNames.TRIALS_RUNNING, trials, t -> t.countByState(TrialState.RUNNING))
                .description("Trials running on any worker or external client, across all jobs")
                .register(registry);
        for (String algorithm : Samplers.NAMES) {
            samplerLatency.put(
                    algorithm,
                    Timer.builder(AnnealMetricNames.SAMPLER_LATENCY)
                            .description("Time to sample one trial's parameters")
                            .tag("algorithm", algorithm)
                            .register(registry));
        }
        expired = Counter.builder(AnnealMetricNames.TRIALS_EXPIRED)
                .description("External trials failed because their client did not tell them in time")
                .register(registry);
        reconcile = Timer.builder(AnnealMetricNames.RECONCILE_DURATION)
                .description("One scheduler pass over one job")
                .register(registry);
        for (TrialState state : new TrialState[] {TrialState.QUEUED, TrialState.FAILED, TrialState.CANCELLED}) {
            reaped.put(
                    state,
                    Counter.builder(AnnealMetricNames.TRIALS_REAPED)
                            .description(
                                    "Running trials taken back from workers that stopped heartbeating, by new state")
                            .tag("state", state.name().toLowerCase(java.util.Locale.ROOT))
                            .register(registry));
        }
    }

    Timer samplerLatency(String algorithm) {
        return samplerLatency.get(algorithm);
    }

    Timer reconcile() {
        return reconcile;
    }

    void reaped(TrialState newState) {
        reaped.get(newState).increment();
    }

    void expired() {
        expired.increment();
    }
}
