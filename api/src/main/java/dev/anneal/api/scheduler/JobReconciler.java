package dev.anneal.api.scheduler;

import dev.anneal.db.job.JobEntity;
import dev.anneal.db.job.JobRepository;
import dev.anneal.db.job.JobState;
import dev.anneal.db.trial.TrialEntity;
import dev.anneal.db.trial.TrialModels;
import dev.anneal.db.trial.TrialQueue;
import dev.anneal.db.trial.TrialRepository;
import dev.anneal.db.trial.TrialState;
import dev.anneal.spec.ParamValues;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Brings one job one step closer to done: starts it, tops its in-flight trials up to its
 * parallelism with fresh samples, and finishes it when nothing is left to run. Counting is
 * done here; choosing parameters is the sampler's job (Katib's split). External jobs only start
 * and finish here: their trials are created by their clients' asks, and a failing client
 * objective does not fail the job early (the client decides when to stop).
 *
 * <p>Runs in one transaction holding the job's row lock, so concurrent passes (events, the
 * periodic loop, other api replicas) never number trials of one job twice.
 */
@Component
public class JobReconciler {

    private static final Logger log = LoggerFactory.getLogger(JobReconciler.class);

    /** What a pass did. */
    public record Outcome(int created, JobState state) {
        static final Outcome NOTHING = new Outcome(0, null);
    }

    private final JobRepository jobs;
    private final TrialRepository trials;
    private final TrialQueue queue;
    private final JsonMapper json;
    private final SchedulerProperties properties;
    private final TrialSuggester suggester;
    private final TrialModels models;

    JobReconciler(
            JobRepository jobs,
            TrialRepository trials,
            TrialQueue queue,
            JsonMapper json,
            SchedulerProperties properties,
            TrialSuggester suggester,
            TrialModels models) {
        this.jobs = jobs;
        this.models = models;
        this.trials = trials;
        this.queue = queue;
        this.json = json;
        this.properties = properties;
        this.suggester = suggester;
    }

    @Transactional
    public Outcome reconcile(long jobId) {
        Optional<JobEntity> found = jobs.findByIdForUpdate(jobId);
        if (found.isEmpty() || found.get().getState().isFinished()) {
            return Outcome.NOTHING;
        }
        JobEntity job = found.get();
        Instant now = Instant.now();
        if (job.getState() == JobState.QUEUED) {
            job.transitionTo(JobState.RUNNING, null, now);
        }
        Map<TrialState, Long> counts = counts(jobId);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        long inFlight = counts.get(TrialState.QUEUED) + counts.get(TrialState.RUNNING);
        long completed = counts.get(TrialState.COMPLETED);
        long failed = counts.get(TrialState.FAILED);

        if (!job.isExternal() && completed == 0 && failed >= properties.failFastAfter()) {
            job.transitionTo(
                    JobState.FAILED,
                    "the first " + failed + " trials failed and none completed; " + "see the trials' failure reasons",
                    now);
            queue.cancelJobTrials(jobId);
            log.warn("Job failed fast jobId={} failedTrials={}", jobId, failed);
            return new Outcome(0, JobState.FAILED);
        }

        int room = job.isExternal() ? 0 : (int) Math.min(job.getParallelism() - inFlight, job.getMaxTrials() - total);
        int created = 0;
        boolean exhausted = false;
        if (room > 0) {
            TrialSuggester.Batch batch = suggester.start(job);
            for (; created < room; created++) {
                int number = (int) total + created;
                Optional<Map<String, Object>> params = batch.next(number);
                if (params.isEmpty()) {
                    exhausted = true;
                    break;
                }
                trials.save(new TrialEntity(jobId, number, json.writeValueAsString(ParamValues.json(params.get()))));
            }
        }
        if (inFlight + created == 0 && (total >= job.getMaxTrials() || exhausted)) {
            finish(job, completed, failed, counts.get(TrialState.PRUNED), now);
        }
        if (created > 0) {
            log.debug("Scheduled jobId={} created={} total={}", jobId, created, total + created);
        }
        return new Outcome(created, job.getState());
    }

    /**
     * Ends a job with nothing left to run. Pruned trials count toward {@code maxTrials} like any
     * finished trial, but a job whose trials were all pruned (or failed) has no trial that
     * trained all its epochs to recommend, so it fails. Only the best trial's model is kept.
     */
    private void finish(JobEntity job, long completed, long failed, long pruned, Instant now) {
        String prunedNote = pruned > 0 ? ", " + pruned + " pruned" : "";
        int deleted = models.keepOnlyBest(job.getId());
        if (completed > 0) {
            job.transitionTo(
                    JobState.COMPLETED,
                    completed + " trial(s) completed" + prunedNote + ", " + failed + " failed",
                    now);
        } else {
            job.transitionTo(JobState.FAILED, "no trial completed (" + failed + " failed" + prunedNote + ")", now);
        }
        log.info(
                "Job finished jobId={} state={} completed={} failed={} modelsDeleted={}",
                job.getId(),
                job.getState(),
                completed,
                failed,
                deleted);
    }

    private Map<TrialState, Long> counts(long jobId) {
        Map<TrialState, Long> counts = new EnumMap<>(TrialState.class);
        for (TrialState s : TrialState.values()) {
            counts.put(s, 0L);
        }
        for (Object[] row : trials.countByStateRows(jobId)) {
            counts.put((TrialState) row[0], (Long) row[1]);
        }
        return counts;
    }

    List<Long> unfinishedJobs() {
        return jobs.findIdsByStateIn(List.of(JobState.QUEUED, JobState.RUNNING));
    }
}
