package dev.anneal.api.asktell;

import dev.anneal.api.job.JobNotFound;
import dev.anneal.api.job.StoredSpecs;
import dev.anneal.api.scheduler.AskTellProperties;
import dev.anneal.api.scheduler.StudyViews;
import dev.anneal.db.job.JobEntity;
import dev.anneal.db.job.JobRepository;
import dev.anneal.db.job.JobState;
import dev.anneal.db.trial.ExternalTrials;
import dev.anneal.db.trial.ExternalTrials.AskSlot;
import dev.anneal.db.trial.ExternalTrials.AskedTrial;
import dev.anneal.db.trial.TrialEntity;
import dev.anneal.db.trial.TrialRepository;
import dev.anneal.tuner.sampler.Sampler;
import dev.anneal.tuner.sampler.Samplers;
import dev.anneal.tuner.sampler.TrialSeeds;
import dev.anneal.tuner.space.SearchSpace;
import dev.anneal.tuner.study.StudyView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The part of an ask that holds the job's row lock: gives the client back its running trial,
 * or numbers, samples and inserts a new one. The scheduler takes the same lock, so concurrent
 * asks and scheduler passes never give two trials one number; asks of one job therefore pass
 * through here one at a time, which is why it reads as little as it can and its transaction
 * commits without waiting for the disk (see {@link ExternalTrials#resumeOrNext}).
 */
@Component
class TrialChooser {

    /** The trial an ask hands out, and whether it is new (201) or the client's own, resumed (200). */
    record Chosen(AskResponse trial, boolean created) {}

    private final JobRepository jobs;
    private final TrialRepository trials;
    private final ExternalTrials external;
    private final AskTellProperties properties;
    private final JsonMapper json;

    TrialChooser(
            JobRepository jobs,
            TrialRepository trials,
            ExternalTrials external,
            AskTellProperties properties,
            JsonMapper json) {
        this.jobs = jobs;
        this.trials = trials;
        this.external = external;
        this.properties = properties;
        this.json = json;
    }

    @Transactional
    public Chosen choose(long jobId, String clientId) {
        JobEntity job = jobs.findByIdForUpdate(jobId).orElseThrow(() -> JobNotFound.of(jobId));
        if (!job.isExternal()) {
            throw AskTellProblems.notExternal(jobId);
        }
        if (job.getState().isFinished()) {
            throw AskTellProblems.jobFinished(jobId, job.getState());
        }
        AskSlot slot = external.resumeOrNext(jobId, clientId, properties.trialTimeout());
        if (slot.held().isPresent()) {
            AskedTrial t = slot.held().get();
            return new Chosen(new AskResponse(t.number(), json.readTree(t.paramsJson())), false);
        }
        int number = slot.nextNumber();
        if (number >= job.getMaxTrials()) {
            throw AskTellProblems.maxTrialsReached(jobId, job.getMaxTrials());
        }
        if (job.getState() == JobState.QUEUED) {
            job.transitionTo(JobState.RUNNING, null, Instant.now());
        }
        JsonNode spec = json.readTree(job.getSpec());
        SearchSpace space = StoredSpecs.searchSpace(spec);
        Sampler sampler = Samplers.create(job.getAlgorithm(), space);
        // random and grid need no history: skip loading it, it grows with every trial
        List<TrialEntity> history = sampler.usesHistory() ? trials.findByJobIdOrderByNumber(jobId) : List.of();
        StudyView study = StudyViews.of(space, job.getDirection(), history, json);
        Map<String, Object> params = sampler.sample(study, number, TrialSeeds.forTrial(StoredSpecs.seed(spec), number))
                .orElseThrow(() -> AskTellProblems.maxTrialsReached(jobId, job.getMaxTrials()));
        JsonNode paramsJson = StoredSpecs.paramsJson(params);
        external.ask(jobId, number, json.writeValueAsString(paramsJson), clientId, properties.trialTimeout());
        return new Chosen(new AskResponse(number, paramsJson), true);
    }
}
