package dev.anneal.api.events;

import dev.anneal.api.job.JobResponse;
import dev.anneal.api.job.JobService;
import dev.anneal.api.trial.TrialQueryService;
import dev.anneal.worker.logging.LogContext;
import dev.anneal.worker.metrics.AnnealMetricNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live events of jobs, read from PostgreSQL. Trials are trained by workers that may run in other
 * processes on other machines, so in-process events would miss most changes; instead one poller
 * thread reads, for each job that has subscribers, the job and its new or unfinished trials, and
 * sends what changed to every subscriber of that job. Jobs nobody watches cost nothing.
 */
@Component
class JobEventHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobEventHub.class);

    private final JobService jobs;
    private final TrialQueryService trials;
    private final EventsProperties properties;
    private final Map<Long, JobWatch> watches = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService poller;
    private volatile long nextHeartbeatNanos;

    JobEventHub(JobService jobs, TrialQueryService trials, EventsProperties properties, MeterRegistry registry) {
        this.jobs = jobs;
        this.trials = trials;
        this.properties = properties;
        Gauge.builder(
                        AnnealMetricNames.EVENT_STREAMS,
                        watches,
                        w -> w.values().stream()
                                .mapToInt(watch -> watch.subscribers.size())
                                .sum())
                .description("Open job event streams (Server-Sent Events)")
                .register(registry);
    }

    /**
     * Opens a stream on a job: the first event is the job as it is now, later ones are changes.
     *
     * @throws dev.anneal.api.problem.ApiProblem 404 when the job does not exist
     */
    SseEmitter subscribe(long jobId) {
        JobResponse job = jobs.get(jobId);
        SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
        send(emitter, new JobEvent(JobEvent.JOB, job));
        // joining inside compute: a last subscriber leaving at the same moment cannot drop this watch
        JobWatch watch = watches.compute(jobId, (id, existing) -> {
            JobWatch joined =
                    existing != null ? existing : new JobWatch(id, job, trials.newOrWatched(id, -1, Set.of()));
            joined.subscribers.add(emitter);
            return joined;
        });
        Runnable leave = () -> leave(watch, emitter);
        emitter.onCompletion(leave);
        emitter.onTimeout(leave);
        emitter.onError(e -> leave.run());
        return emitter;
    }

    /** One pass: reads every watched job and sends what changed. Called by the poller thread and by tests. */
    void pollOnce() {
        boolean heartbeat = System.nanoTime() >= nextHeartbeatNanos;
        if (heartbeat) {
            nextHeartbeatNanos =
                    System.nanoTime() + properties.heartbeatInterval().toNanos();
        }
        for (JobWatch watch : watches.values()) {
            try (var context = LogContext.job(watch.jobId)) {
                poll(watch, heartbeat);
            } catch (RuntimeException e) {
                // typically the database is restarting: subscribers keep their streams, the next pass retries
                log.warn("Reading job events failed; will retry: {}", e.getMessage());
            }
        }
    }

    private void poll(JobWatch watch, boolean heartbeat) {
        List<JobEvent> events = watch.changes(
                jobs.get(watch.jobId),
                trials.newOrWatched(watch.jobId, watch.highestNumber(), watch.unfinishedNumbers()));
        if (heartbeat) {
            events = new java.util.ArrayList<>(events);
            events.add(new JobEvent(JobEvent.HEARTBEAT, Map.of("time", Instant.now())));
        }
        for (JobEvent event : events) {
            for (SseEmitter emitter : watch.subscribers) {
                if (!send(emitter, event)) {
                    leave(watch, emitter);
                }
            }
        }
    }

    private static boolean send(SseEmitter emitter, JobEvent event) {
        try {
            emitter.send(SseEmitter.event().name(event.name()).data(event.data()));
            return true;
        } catch (IOException | IllegalStateException e) {
            // the client went away (or the stream timed out): not an error
            log.debug("Event stream closed: {}", e.getMessage());
            return false;
        }
    }

    private void leave(JobWatch watch, SseEmitter emitter) {
        watch.subscribers.remove(emitter);
        watches.computeIfPresent(watch.jobId, (id, w) -> w.subscribers.isEmpty() ? null : w);
    }

    @Override
    public synchronized void start() {
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "anneal-events");
            t.setDaemon(true);
            return t;
        });
        nextHeartbeatNanos = System.nanoTime() + properties.heartbeatInterval().toNanos();
        long millis = properties.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::pollQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void pollQuietly() {
        try {
            pollOnce();
        } catch (RuntimeException e) {
            log.error("Event poller pass failed; will keep running", e);
        }
    }

    /**
     * Ends every open stream before the web server's graceful shutdown, which would otherwise
     * wait for them until its timeout. Runs early: this phase is higher than the web server's.
     */
    @Override
    public synchronized void stop() {
        poller.shutdownNow();
        poller = null;
        watches.values().forEach(w -> w.subscribers.forEach(SseEmitter::complete));
        watches.clear();
    }

    @Override
    public boolean isRunning() {
        return poller != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
