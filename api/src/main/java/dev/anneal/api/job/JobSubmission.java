package dev.anneal.api.job;

import dev.anneal.api.limits.ProjectQuotas;
import dev.anneal.db.idempotency.IdempotencyKeys;
import dev.anneal.db.job.JobEntity;
import dev.anneal.db.job.JobRepository;
import dev.anneal.spec.JobSpecJson;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transaction that stores a new job, and with it the submission's idempotency key if it
 * carries one. The scheduler picks the job up once the transaction commits.
 */
@Component
class JobSubmission {

    /** Thrown to roll back when a concurrent request with the same key committed first. */
    static final class KeyTakenMeanwhile extends RuntimeException {
        KeyTakenMeanwhile() {
            super("idempotency key recorded by a concurrent request", null, false, false);
        }
    }

    private final JobRepository jobs;
    private final IdempotencyKeys keys;
    private final JobSpecParser parser;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final ProjectQuotas quotas;

    JobSubmission(
            JobRepository jobs,
            IdempotencyKeys keys,
            JobSpecParser parser,
            JsonMapper json,
            ApplicationEventPublisher events,
            ProjectQuotas quotas) {
        this.quotas = quotas;
        this.jobs = jobs;
        this.keys = keys;
        this.parser = parser;
        this.json = json;
        this.events = events;
    }

    /**
     * @param key the request's idempotency key with the hash of its body, or empty
     * @throws KeyTakenMeanwhile if another request recorded the same key while this one ran
     */
    @Transactional
    JobEntity create(JsonNode body, Optional<IdempotentRequest> key, long project) {
        ParsedJob parsed = parser.parse(body, project);
        // after parsing, so the project's row is locked only for the count and the insert
        quotas.reserveUnfinishedJob(project);
        JobEntity job = jobs.saveAndFlush(new JobEntity(
                parsed.name(),
                JobSpecJson.write(parsed.spec()),
                parsed.execution(),
                parsed.dataset() == null ? null : parsed.dataset().getId(),
                parsed.algorithm(),
                parsed.metric(),
                parsed.direction(),
                parsed.maxTrials(),
                parsed.parallelism(),
                project,
                json.writeValueAsString(parsed.tags())));
        if (key.isPresent() && !keys.record(project, key.get().key(), key.get().bodyHash(), job.getId())) {
            throw new KeyTakenMeanwhile();
        }
        events.publishEvent(new JobSubmittedEvent(job.getId()));
        return job;
    }

    /** An Idempotency-Key header and the SHA-256 of the request body it came with. */
    record IdempotentRequest(String key, String bodyHash) {}
}
