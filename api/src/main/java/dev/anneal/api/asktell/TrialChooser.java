package dev.anneal.api.asktell;

import dev.anneal.api.access.ProjectScope;
import dev.anneal.api.scheduler.AskTellProperties;
import dev.anneal.api.scheduler.TrialSuggester;
import dev.anneal.db.job.JobEntity;
import dev.anneal.db.job.JobState;
import dev.anneal.db.trial.ExternalTrials;
import dev.anneal.db.trial.ExternalTrials.AskSlot;
import dev.anneal.db.trial.ExternalTrials.AskedTrial;
import dev.anneal.spec.ParamValues;
import java.time.Instant;
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

    private final ProjectScope scope;
    private final TrialSuggester suggester;
    private final ExternalTrials external;
    private final AskTellProperties properties;
    private final JsonMapper json;

    TrialChooser(
            ProjectScope scope,
            TrialSuggester suggester,
            ExternalTrials external,
            AskTellProperties properties,
            JsonMapper json) {
        this.scope = scope;
        this.suggester = suggester;
        this.external = external;
        this.properties = properties;
        this.json = json;
    }

    @Transactional
    public Chosen choose(long jobId, String clientId) {
        JobEntity job = scope.loadForUpdate(jobId);
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
        // the same suggestions as DL4J jobs get: initial trials, warm starts, pending trials
        Map<String, Object> params = suggester
                .start(job)
                .next(number)
                .orElseThrow(() -> AskTellProblems.maxTrialsReached(jobId, job.getMaxTrials()));
        JsonNode paramsJson = ParamValues.json(params);
        external.ask(jobId, number, json.writeValueAsString(paramsJson), clientId, properties.trialTimeout());
        return new Chosen(new AskResponse(number, paramsJson), true);
    }
}
