package dev.anneal.worker.metrics;

import dev.anneal.db.shared.AnnealMetricNames;
import dev.anneal.db.shared.TrialOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/** The worker's meters, registered up front so dashboards see zeros rather than gaps. */
public class WorkerMetrics {

    private final Counter started;
    private final Counter epochs;
    private final Counter heartbeatFailures;
    private final Timer claimLatency;
    private final Map<TrialOutcome, Counter> finished = new EnumMap<>(TrialOutcome.class);
    private final Map<TrialOutcome, Timer> durations = new EnumMap<>(TrialOutcome.class);

    private final MeterRegistry registry;

    public WorkerMetrics(MeterRegistry registry, int slots) {
        this.registry = registry;
        started = Counter.builder(AnnealMetricNames.TRIALS_STARTED)
                .description("Trials claimed and started by this process's workers")
                .register(registry);
        epochs = Counter.builder(AnnealMetricNames.EPOCHS_TRAINED)
                .description("Epochs trained")
                .register(registry);
        heartbeatFailures = Counter.builder(AnnealMetricNames.HEARTBEAT_FAILURES)
                .description("Heartbeats that could not be written")
                .register(registry);
        claimLatency = Timer.builder(AnnealMetricNames.CLAIM_LATENCY)
                .description("One claim statement, whether or not it found trials")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
        for (TrialOutcome outcome : TrialOutcome.values()) {
            String tag = outcome.name().toLowerCase(java.util.Locale.ROOT);
            finished.put(
                    outcome,
                    Counter.builder(AnnealMetricNames.TRIALS_FINISHED)
                            .description("Trials that ended on this process's workers")
                            .tag(AnnealMetricNames.TAG_OUTCOME, tag)
                            .register(registry));
            durations.put(
                    outcome,
                    Timer.builder(AnnealMetricNames.TRIAL_DURATION)
                            .description("Time from claim to finish")
                            .tag(AnnealMetricNames.TAG_OUTCOME, tag)
                            .publishPercentileHistogram()
                            .minimumExpectedValue(Duration.ofMillis(100))
                            .maximumExpectedValue(Duration.ofHours(12))
                            .register(registry));
        }
        registry.gauge(AnnealMetricNames.WORKER_SLOTS, slots);
    }

    /**
     * Registers the busy-slots gauge over the pool, which is made after these meters (the pool
     * reports to them) and so hands its count over once it exists.
     */
    public void gaugeBusySlots(Supplier<Number> busy) {
        io.micrometer.core.instrument.Gauge.builder(AnnealMetricNames.WORKERS_BUSY, busy)
                .description("Worker slots running a trial")
                .register(registry);
    }

    public void trialStarted() {
        started.increment();
    }

    public void epochTrained() {
        epochs.increment();
    }

    public Timer claimLatency() {
        return claimLatency;
    }

    public void heartbeatFailed() {
        heartbeatFailures.increment();
    }

    public void trialFinished(TrialOutcome outcome, Duration duration) {
        finished.get(outcome).increment();
        durations.get(outcome).record(duration);
    }
}
