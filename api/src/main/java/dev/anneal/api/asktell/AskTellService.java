package dev.anneal.api.asktell;

import dev.anneal.api.job.JobNotFound;
import dev.anneal.api.job.StoredSpecs;
import dev.anneal.api.problem.ApiProblem;
import dev.anneal.api.problem.ProblemTypes;
import dev.anneal.api.scheduler.AskTellProperties;
import dev.anneal.api.scheduler.JobReconciler;
import dev.anneal.api.scheduler.StudyViews;
import dev.anneal.api.trial.TrialNotFound;
import dev.anneal.api.trial.TrialResponse;
import dev.anneal.db.job.JobEntity;
import dev.anneal.db.job.JobRepository;
import dev.anneal.db.job.JobState;
import dev.anneal.db.trial.ExternalTrials;
import dev.anneal.db.trial.ExternalTrials.AskSlot;
import dev.anneal.db.trial.ExternalTrials.AskedTrial;
import dev.anneal.db.trial.ExternalTrials.ToldTrial;
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
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ask/tell for external jobs: the client asks for a trial's parameters, evaluates them itself,
 * may report intermediate values, and tells the result. A tell or report is one statement; an
 * ask is three and a commit (lock the job, look up the client's trial and the next number,
 * insert). Only a refused tell or report reads more, to say why it was refused.
 */
@Service
class AskTellService {

    /** An asked trial, and whether it is new (201) or the client's running one, resumed (200). */
    record Asked(AskResponse trial, boolean created) {}

    private final JobRepository jobs;
    private final TrialRepository trials;
    private final ExternalTrials external;
    private final JobReconciler reconciler;
    private final AskTellProperties properties;
    private final JsonMapper json;

    AskTellService(
            JobRepository jobs,
            TrialRepository trials,
            ExternalTrials external,
            JobReconciler reconciler,
            AskTellProperties properties,
            JsonMapper json) {
        this.jobs = jobs;
        this.trials = trials;
        this.external = external;
        this.reconciler = reconciler;
        this.properties = properties;
        this.json = json;
    }

    /**
     * Suggests the job's next trial and starts it. Holds the job's row lock, like the
     * scheduler, so concurrent asks (and scheduler passes) never give two trials one number;
     * asks of one job therefore run one at a time, which is why they read as little as they can.
     */
    @Transactional
    public Asked ask(long jobId, AskRequest request) {
        JobEntity job = jobs.findByIdForUpdate(jobId).orElseThrow(() -> JobNotFound.of(jobId));
        requireExternal(job);
        if (job.getState().isFinished()) {
            throw ApiProblem.conflict(
                            ProblemTypes.JOB_ALREADY_FINISHED,
                            "Job already finished",
                            "job " + jobId + " is " + job.getState() + "; it takes no more asks")
                    .with("jobId", jobId)
                    .with("state", job.getState().name());
        }
        AskSlot slot = external.resumeOrNext(jobId, request.clientId(), properties.trialTimeout());
        if (slot.held().isPresent()) {
            AskedTrial t = slot.held().get();
            return new Asked(new AskResponse(t.number(), json.readTree(t.paramsJson())), false);
        }
        int number = slot.nextNumber();
        if (number >= job.getMaxTrials()) {
            throw maxTrialsReached(job);
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
                .orElseThrow(() -> maxTrialsReached(job));
        JsonNode paramsJson = StoredSpecs.paramsJson(params);
        external.ask(jobId, number, json.writeValueAsString(paramsJson), request.clientId(), properties.trialTimeout());
        return new Asked(new AskResponse(number, paramsJson), true);
    }

    /**
     * Finishes a running trial with the client's value or failure. When every trial of the job
     * has been asked, this may have been the last one in flight, so the job is settled at once
     * rather than at the scheduler's next pass: a client that GETs the job after its last tell
     * sees it finished.
     */
    public TrialResponse tell(long jobId, int number, TellRequest request) {
        Optional<ToldTrial> told = request.failed()
                ? external.fail(jobId, number, request.failure())
                : external.complete(jobId, number, request.value());
        if (told.isEmpty()) {
            throw refused(jobId, number);
        }
        if (told.get().allAsked()) {
            reconciler.reconcile(jobId);
        }
        TrialEntity trial = told.get().trial();
        return TrialResponse.summary(trial, json.readTree(trial.getParams()));
    }

    /** Records an intermediate value and pushes the trial's deadline out. */
    public ReportResponse report(long jobId, int number, ReportRequest request) {
        if (!external.report(jobId, number, request.step(), request.value(), properties.trialTimeout())) {
            throw refused(jobId, number);
        }
        return ReportResponse.CONTINUE;
    }

    /** Why a tell or report changed nothing: read only after the fenced write refused it. */
    private ApiProblem refused(long jobId, int number) {
        JobEntity job = jobs.findById(jobId).orElseThrow(() -> JobNotFound.of(jobId));
        requireExternal(job);
        TrialEntity trial =
                trials.findByJobIdAndNumber(jobId, number).orElseThrow(() -> TrialNotFound.of(jobId, number));
        boolean running = !trial.getState().isFinished();
        if (running && trial.getExpiresAt().isAfter(Instant.now())) {
            // the ask that created it committed after the refused write: it did not exist then
            return TrialNotFound.of(jobId, number);
        }
        // a running trial here is past its deadline and counts as FAILED; the reaper marks it soon
        String state = running ? "FAILED" : trial.getState().name();
        String reason = running ? ExternalTrials.expiryReason(properties.trialTimeout()) : trial.getFailureReason();
        return ApiProblem.conflict(
                        ProblemTypes.TRIAL_ALREADY_FINISHED,
                        "Trial already finished",
                        "trial " + number + " of job " + jobId + " is already " + state
                                + (reason == null ? "" : " (" + reason + ")")
                                + "; it takes no more tells or reports")
                .with("jobId", jobId)
                .with("trialNumber", number)
                .with("state", state);
    }

    private static void requireExternal(JobEntity job) {
        if (!job.isExternal()) {
            throw ApiProblem.conflict(
                            ProblemTypes.NOT_AN_EXTERNAL_JOB,
                            "Not an external job",
                            "job " + job.getId() + " is trained by Anneal's DL4J workers; ask/tell is for jobs"
                                    + " submitted with \"execution\": \"external\"")
                    .with("jobId", job.getId());
        }
    }

    private static ApiProblem maxTrialsReached(JobEntity job) {
        return ApiProblem.conflict(
                        ProblemTypes.MAX_TRIALS_REACHED,
                        "All trials asked",
                        "job " + job.getId() + " already has its " + job.getMaxTrials() + " trials (maxTrials);"
                                + " tell the running ones and the job finishes")
                .with("jobId", job.getId())
                .with("maxTrials", job.getMaxTrials());
    }
}
