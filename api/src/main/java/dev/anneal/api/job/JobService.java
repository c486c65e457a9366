package dev.anneal.api.job;

import dev.anneal.api.access.ProjectScope;
import dev.anneal.api.access.ScopedJob;
import dev.anneal.db.idempotency.IdempotencyKeys;
import dev.anneal.db.job.JobEntity;
import dev.anneal.db.job.JobRepository;
import dev.anneal.db.job.JobState;
import dev.anneal.db.trial.LeaderboardRow;
import dev.anneal.db.trial.TrialQueue;
import dev.anneal.db.trial.TrialState;
import dev.anneal.db.trial.TrialStats;
import dev.anneal.spec.JobSpecJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Submitting, reading and cancelling jobs. */
@Service
public class JobService {

    private final JobRepository jobs;
    private final TrialStats stats;
    private final TrialQueue queue;
    private final JobSubmission submission;
    private final IdempotencyKeys keys;
    private final JsonMapper json;
    private final ProjectScope scope;

    JobService(
            JobRepository jobs,
            TrialStats stats,
            TrialQueue queue,
            JobSubmission submission,
            IdempotencyKeys keys,
            JsonMapper json,
            ProjectScope scope) {
        this.scope = scope;
        this.jobs = jobs;
        this.stats = stats;
        this.queue = queue;
        this.submission = submission;
        this.keys = keys;
        this.json = json;
    }

    /** A submitted job, and whether it was created by an earlier request with the same idempotency key. */
    public record Submitted(JobResponse job, boolean replayed) {}

    /**
     * Validates and stores a job. With an {@code Idempotency-Key}, a retry of the same request
     * (same key, same body) gets the job the first request created instead of a second job; the
     * same key with a different body is refused (422), since the client confused two requests.
     */
    public Submitted submit(JsonNode body, String idempotencyKey) {
        Optional<JobSubmission.IdempotentRequest> key = IdempotencyKeyHeader.parse(idempotencyKey, body);
        if (key.isPresent()) {
            Optional<Submitted> earlier = replay(key.get());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        try {
            JobEntity job = submission.create(body, key, scope.projectId());
            return new Submitted(get(job.getId()), false);
        } catch (JobSubmission.KeyTakenMeanwhile race) {
            return replay(key.orElseThrow()).orElseThrow();
        }
    }

    private Optional<Submitted> replay(JobSubmission.IdempotentRequest request) {
        return keys.find(scope.projectId(), request.key()).map(use -> {
            if (!use.requestHash().equals(request.bodyHash())) {
                throw IdempotencyKeyHeader.reusedWithAnotherBody(request.key(), use.jobId());
            }
            return new Submitted(get(use.jobId()), true);
        });
    }

    /** A job of the caller's project; other projects' jobs are 404, as if they did not exist. */
    @Transactional(readOnly = true)
    public JobResponse get(long id) {
        return responses(List.of(scope.load(id))).get(0);
    }

    /**
     * A job checked where a request came in, read without a caller by work that outlives the
     * request (an event stream's poller); empty if the job is gone.
     */
    @Transactional(readOnly = true)
    public Optional<JobResponse> get(ScopedJob job) {
        return jobs.findByIdAndProjectId(job.jobId(), job.projectId())
                .map(j -> responses(List.of(j)).get(0));
    }

    /**
     * The caller's project's jobs, newest first, optionally in one state and carrying every
     * given tag; {@code latest} keeps only the newest match (a CI baseline).
     */
    @Transactional(readOnly = true)
    public Page<JobResponse> list(
            Optional<JobState> state, Map<String, String> tags, boolean latest, PageRequest page) {
        PageRequest request = latest ? PageRequest.of(0, 1) : page;
        Page<JobEntity> found = jobs.search(
                scope.projectId(), state.map(Enum::name).orElse(null), json.writeValueAsString(tags), request);
        List<JobResponse> responses = responses(found.getContent());
        long total = latest ? responses.size() : found.getTotalElements();
        return new org.springframework.data.domain.PageImpl<>(responses, request, total);
    }

    /**
     * Cancels a queued or running job: queued trials are cancelled now, running ones stop at
     * their next mini-batch. Finished trials stay on the leaderboard.
     *
     * @throws dev.anneal.db.job.IllegalJobTransitionException if the job already finished (409)
     */
    @Transactional
    public JobResponse cancel(long id) {
        JobEntity job = scope.loadForUpdate(id);
        job.transitionTo(JobState.CANCELLED, "cancelled on request", Instant.now());
        queue.cancelJobTrials(id);
        jobs.flush();
        return responses(List.of(job)).get(0);
    }

    private Map<String, String> tags(JobEntity job) {
        Map<String, String> tags = new java.util.TreeMap<>();
        json.readTree(job.getTags())
                .properties()
                .forEach(e -> tags.put(e.getKey(), e.getValue().asString()));
        return tags;
    }

    private List<JobResponse> responses(List<JobEntity> page) {
        List<Long> ids = page.stream().map(JobEntity::getId).toList();
        Map<Long, Map<TrialState, Long>> counts = stats.countsByState(ids);
        Map<Long, LeaderboardRow> best = stats.best(ids);
        return page.stream()
                .map(job -> {
                    LeaderboardRow row = best.get(job.getId());
                    // parsed once: typed for the response's fields, shown as stored
                    JsonNode stored = json.readTree(job.getSpec());
                    return JobResponse.of(
                            job,
                            JobSpecJson.read(stored),
                            stored,
                            tags(job),
                            counts.get(job.getId()),
                            JobResponse.best(row, row == null ? null : json.readTree(row.paramsJson())));
                })
                .toList();
    }
}
