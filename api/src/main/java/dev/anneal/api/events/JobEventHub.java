package dev.anneal.api.events;

import dev.anneal.api.access.ScopedJob;
import dev.anneal.api.job.JobNotFound;
import dev.anneal.api.job.JobResponse;
import dev.anneal.api.job.JobService;
import dev.anneal.api.problem.ApiProblem;
import dev.anneal.api.problem.ProblemTypes;
import dev.anneal.api.trial.TrialQueryService;
import dev.anneal.db.shared.AnnealMetricNames;
import dev.anneal.db.shared.LogContext;
import dev.anneal.db.token.ApiTokens;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live events of jobs, read from PostgreSQL. Trials are trained by workers that may run in other
 * processes on other machines, so in-process events would miss most changes; instead one poller
 * thread reads, for each job that has subscribers, the job and its new or unfinished trials, and
 * sends what changed to every subscriber of that job. Jobs nobody watches cost nothing.
 *
 * <p>The poller has no caller. Access is checked where a stream is opened, which hands over a
 * {@link ScopedJob}; the poller reads that job (by its id and project) and nothing else. On each
 * heartbeat it also asks whether the tokens that opened the streams are still live, and ends
 * the streams of revoked ones.
 */
@Component
class JobEventHub implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobEventHub.class);

    /** One open stream, and the token that opened it (null with security off). */
    private record Subscriber(SseEmitter emitter, Long tokenId) {}

    /** The subscribers of one job and what they last heard. */
    private static final class Watched {
        final ScopedJob job;
        final JobWatch diff;
        final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

        Watched(ScopedJob job, JobWatch diff) {
            this.job = job;
            this.diff = diff;
        }
    }

    private final JobService jobs;
    private final TrialQueryService trials;
    private final ApiTokens tokens;
    private final EventsProperties properties;
    private final StreamQuota quota;
    private final Map<Long, Watched> watches = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService poller;
    private volatile long nextHeartbeatNanos;

    JobEventHub(
            JobService jobs,
            TrialQueryService trials,
            ApiTokens tokens,
            EventsProperties properties,
            MeterRegistry registry) {
        this.jobs = jobs;
        this.trials = trials;
        this.tokens = tokens;
        this.properties = properties;
        this.quota = new StreamQuota(properties.maxStreamsPerToken());
        Gauge.builder(AnnealMetricNames.EVENT_STREAMS, watches, JobEventHub::openStreams)
                .description("Open job event streams (Server-Sent Events)")
                .register(registry);
    }

    /**
     * Opens a stream on a job: the first event is the job as it is now, later ones are changes.
     *
     * @param tokenId the token that opens it, whose revocation ends it; null with security off
     * @throws ApiProblem 429 when the token holds {@code max-streams-per-token} streams already
     */
    SseEmitter subscribe(ScopedJob job, Long tokenId) {
        if (!quota.tryAcquire(tokenId)) {
            throw tooManyStreams();
        }
        boolean joined = false;
        try {
            JobResponse current = jobs.get(job).orElseThrow(() -> JobNotFound.of(job.jobId()));
            SseEmitter emitter = new SseEmitter(properties.streamTimeout().toMillis());
            Subscriber subscriber = new Subscriber(emitter, tokenId);
            send(emitter, new JobEvent(JobEvent.JOB, current));
            // joining inside compute: a last subscriber leaving at the same moment cannot drop this watch
            Watched watched = watches.compute(job.jobId(), (id, existing) -> {
                Watched w = existing != null
                        ? existing
                        : new Watched(job, new JobWatch(id, current, trials.newOrWatched(job, -1, Set.of())));
                w.subscribers.add(subscriber);
                return w;
            });
            joined = true;
            Runnable leave = () -> leave(watched, subscriber);
            emitter.onCompletion(leave);
            emitter.onTimeout(leave);
            emitter.onError(e -> leave.run());
            return emitter;
        } finally {
            if (!joined) {
                quota.release(tokenId);
            }
        }
    }

    /** One pass: reads every watched job and sends what changed. Called by the poller thread and by tests. */
    void pollOnce() {
        boolean heartbeat = System.nanoTime() >= nextHeartbeatNanos;
        if (heartbeat) {
            nextHeartbeatNanos =
                    System.nanoTime() + properties.heartbeatInterval().toNanos();
            endStreamsOfRevokedTokens();
        }
        for (Watched watched : watches.values()) {
            try (var context = LogContext.job(watched.job.jobId())) {
                poll(watched, heartbeat);
            } catch (RuntimeException e) {
                // typically the database is restarting: subscribers keep their streams, the next pass retries
                log.warn("Reading job events failed; will retry: {}", e.getMessage());
            }
        }
    }

    private void poll(Watched watched, boolean heartbeat) {
        Optional<JobResponse> job = jobs.get(watched.job);
        if (job.isEmpty()) {
            // the job is gone: nothing will happen on it any more
            watched.subscribers.forEach(s -> end(watched, s));
            return;
        }
        List<JobEvent> events = new ArrayList<>(watched.diff.changes(
                job.get(),
                trials.newOrWatched(watched.job, watched.diff.highestNumber(), watched.diff.unfinishedNumbers())));
        if (heartbeat) {
            events.add(new JobEvent(JobEvent.HEARTBEAT, Map.of("time", Instant.now())));
        }
        for (JobEvent event : events) {
            for (Subscriber subscriber : watched.subscribers) {
                if (!send(subscriber.emitter(), event)) {
                    leave(watched, subscriber);
                }
            }
        }
    }

    /** Ends the streams whose token was revoked since they opened: one query for all of them. */
    private void endStreamsOfRevokedTokens() {
        Set<Long> opened = watches.values().stream()
                .flatMap(w -> w.subscribers.stream())
                .map(Subscriber::tokenId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        if (opened.isEmpty()) {
            return;
        }
        Set<Long> live;
        try {
            live = tokens.live(opened);
        } catch (RuntimeException e) {
            log.warn("Checking the tokens of event streams failed; will retry: {}", e.getMessage());
            return;
        }
        for (Watched watched : watches.values()) {
            for (Subscriber subscriber : watched.subscribers) {
                if (subscriber.tokenId() != null && !live.contains(subscriber.tokenId())) {
                    log.info(
                            "Ending an event stream of job {}: its token {} was revoked",
                            watched.job.jobId(),
                            subscriber.tokenId());
                    end(watched, subscriber);
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

    private void end(Watched watched, Subscriber subscriber) {
        leave(watched, subscriber);
        subscriber.emitter().complete();
    }

    /** Idempotent: the emitter's callbacks and a failed send may all report the same stream gone. */
    private void leave(Watched watched, Subscriber subscriber) {
        if (watched.subscribers.remove(subscriber)) {
            quota.release(subscriber.tokenId());
        }
        watches.computeIfPresent(watched.job.jobId(), (id, w) -> w.subscribers.isEmpty() ? null : w);
    }

    private ApiProblem tooManyStreams() {
        long seconds = Math.max(1, properties.heartbeatInterval().toSeconds());
        ApiProblem problem = new ApiProblem(
                        HttpStatus.TOO_MANY_REQUESTS,
                        ProblemTypes.TOO_MANY_EVENT_STREAMS,
                        "Too many event streams",
                        "this token has " + quota.limit() + " open event streams, the most"
                                + " anneal.events.max-streams-per-token allows; close one first (a closed"
                                + " connection is noticed within " + seconds + " s)")
                .with("limit", quota.limit());
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problem;
    }

    private static int openStreams(Map<Long, Watched> watches) {
        return watches.values().stream().mapToInt(w -> w.subscribers.size()).sum();
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
        try {
            // a pass in flight finishes before the database pool closes under it
            poller.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        poller = null;
        watches.values().forEach(w -> w.subscribers.forEach(s -> s.emitter().complete()));
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
