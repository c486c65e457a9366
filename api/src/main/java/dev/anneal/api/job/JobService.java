package dev.anneal.api.job;

import dev.anneal.db.job.JobEntity;
import dev.anneal.db.job.JobRepository;
import dev.anneal.db.job.JobState;
import dev.anneal.db.trial.LeaderboardRow;
import dev.anneal.db.trial.TrialQueue;
import dev.anneal.db.trial.TrialState;
import dev.anneal.db.trial.TrialStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
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
    private final JobSpecParser parser;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    JobService(
            JobRepository jobs,
            TrialStats stats,
            TrialQueue queue,
            JobSpecParser parser,
            JsonMapper json,
            ApplicationEventPublisher events) {
        this.jobs = jobs;
        this.stats = stats;
        this.queue = queue;
        this.parser = parser;
        this.json = json;
        this.events = events;
    }

    /** Validates and stores a job; the scheduler picks it up once the transaction commits. */
    @Transactional
    public JobResponse submit(JsonNode body) {
        ParsedJob parsed = parser.parse(body);
        JobEntity job = jobs.saveAndFlush(new JobEntity(
                parsed.name(),
                json.writeValueAsString(parsed.spec()),
                parsed.execution(),
                parsed.dataset() == null ? null : parsed.dataset().getId(),
                parsed.algorithm(),
                parsed.metric(),
                parsed.direction(),
                parsed.maxTrials(),
                parsed.parallelism()));
        events.publishEvent(new JobSubmittedEvent(job.getId()));
        return JobResponse.of(jobs.findById(job.getId()).orElseThrow(), parsed.spec(), Map.of(), null);
    }

    @Transactional(readOnly = true)
    public JobResponse get(long id) {
        JobEntity job = jobs.findById(id).orElseThrow(() -> JobNotFound.of(id));
        return responses(List.of(job)).get(0);
    }

    @Transactional(readOnly = true)
    public Page<JobResponse> list(Optional<JobState> state, PageRequest page) {
        Page<JobEntity> found = state.map(s -> jobs.findByState(s, page)).orElseGet(() -> jobs.findAll(page));
        List<JobResponse> responses = responses(found.getContent());
        return new org.springframework.data.domain.PageImpl<>(responses, page, found.getTotalElements());
    }

    /**
     * Cancels a queued or running job: queued trials are cancelled now, running ones stop at
     * their next mini-batch. Finished trials stay on the leaderboard.
     *
     * @throws dev.anneal.db.job.IllegalJobTransitionException if the job already finished (409)
     */
    @Transactional
    public JobResponse cancel(long id) {
        JobEntity job = jobs.findByIdForUpdate(id).orElseThrow(() -> JobNotFound.of(id));
        job.transitionTo(JobState.CANCELLED, "cancelled on request", Instant.now());
        queue.cancelJobTrials(id);
        jobs.flush();
        return responses(List.of(job)).get(0);
    }

    private List<JobResponse> responses(List<JobEntity> page) {
        List<Long> ids = page.stream().map(JobEntity::getId).toList();
        Map<Long, Map<TrialState, Long>> counts = stats.countsByState(ids);
        Map<Long, LeaderboardRow> best = stats.best(ids);
        return page.stream()
                .map(job -> {
                    LeaderboardRow row = best.get(job.getId());
                    return JobResponse.of(
                            job,
                            json.readTree(job.getSpec()),
                            counts.get(job.getId()),
                            JobResponse.best(row, row == null ? null : json.readTree(row.paramsJson())));
                })
                .toList();
    }
}
