package dev.anneal.api.asktell;

import dev.anneal.api.access.ProjectScope;
import dev.anneal.api.job.JobNotFound;
import dev.anneal.api.problem.ApiProblem;
import dev.anneal.api.scheduler.AskTellProperties;
import dev.anneal.api.scheduler.JobReconciler;
import dev.anneal.api.trial.TrialNotFound;
import dev.anneal.api.trial.TrialResponse;
import dev.anneal.db.job.JobExecution;
import dev.anneal.db.job.JobSpecs;
import dev.anneal.db.prune.PruningPolicies;
import dev.anneal.db.prune.PruningPolicy;
import dev.anneal.db.prune.TrialPruning;
import dev.anneal.db.trial.ExternalTrials;
import dev.anneal.db.trial.ExternalTrials.Refusal;
import dev.anneal.db.trial.ExternalTrials.ToldTrial;
import dev.anneal.db.trial.ParetoRanks;
import dev.anneal.db.trial.TrialEntity;
import dev.anneal.db.trial.TrialState;
import dev.anneal.spec.JobSpec;
import dev.anneal.tuner.pruner.Verdict;
import java.util.Optional;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ask/tell for external jobs: the client asks for a trial's parameters, evaluates them itself,
 * may report intermediate values, and tells the result. A tell or report is one statement; an
 * ask is three statements and a commit under the job's lock ({@link TrialChooser}) and one
 * statement after it. Only a refused tell or report reads more, to say why it was refused.
 */
@Service
class AskTellService {

    private final TrialChooser chooser;
    private final ExternalTrials external;
    private final JobReconciler reconciler;
    private final AskTellProperties properties;
    private final JsonMapper json;
    private final PruningPolicies policies;
    private final TrialPruning pruning;
    private final ProjectScope scope;
    private final JobSpecs specs;
    private final ParetoRanks paretoRanks;

    AskTellService(
            TrialChooser chooser,
            ExternalTrials external,
            JobReconciler reconciler,
            AskTellProperties properties,
            JsonMapper json,
            PruningPolicies policies,
            TrialPruning pruning,
            ProjectScope scope,
            JobSpecs specs,
            ParetoRanks paretoRanks) {
        this.scope = scope;
        this.specs = specs;
        this.paretoRanks = paretoRanks;
        this.chooser = chooser;
        this.external = external;
        this.reconciler = reconciler;
        this.properties = properties;
        this.json = json;
        this.policies = policies;
        this.pruning = pruning;
    }

    /**
     * Hands out a new trial, or the running one the client already holds. The answer waits for
     * the deadline write, whose synchronous commit makes the chosen trial durable.
     */
    public TrialChooser.Chosen ask(long jobId, AskRequest request) {
        requireOwnJob(jobId);
        TrialChooser.Chosen chosen = chooser.choose(jobId, request.clientId());
        external.startDeadline(jobId, chosen.trial().number(), properties.trialTimeout());
        return chosen;
    }

    /**
     * Finishes a running trial with the client's value or failure. When every trial of the job
     * has been asked, this may have been the last one in flight, so the job is settled at once
     * rather than at the scheduler's next pass: a client that GETs the job after its last tell
     * sees it finished.
     */
    public TrialResponse tell(long jobId, int number, TellRequest request) {
        requireOwnJob(jobId);
        Optional<ToldTrial> told =
                request.failed() ? external.fail(jobId, number, request.failure()) : complete(jobId, number, request);
        if (told.isEmpty()) {
            throw refused(jobId, number);
        }
        if (told.get().allAsked()) {
            reconciler.reconcile(jobId);
        }
        TrialEntity trial = told.get().trial();
        return TrialResponse.summary(trial, json.readTree(trial.getParams()));
    }

    /**
     * The told values are checked against the spec. A job with one objective and no constraints
     * stores the value alone, as ever; otherwise the vectors are stored and the job's Pareto
     * ranks refreshed once the completion is committed.
     */
    private Optional<ToldTrial> complete(long jobId, int number, TellRequest request) {
        JobSpec spec = specs.get(jobId).spec();
        TellValues values = TellValues.of(spec, request);
        if (!spec.isMultiObjective() && spec.constraints().isEmpty()) {
            return external.complete(jobId, number, request.value());
        }
        Optional<ToldTrial> told = external.complete(jobId, number, values.values(), values.constraints());
        told.ifPresent(t -> paretoRanks.refresh(
                jobId,
                spec.objectives().stream().map(JobSpec.ObjectiveSpec::direction).toList()));
        return told;
    }

    /**
     * Records an intermediate value, pushes the trial's deadline out and asks the job's pruner
     * about it. A trial the pruner stops ends PRUNED right here, with this value: the client is
     * told {@code prune: true} and should stop evaluating it; telling it afterwards is refused
     * (409) with the pruner's reason. Ending it now, rather than waiting for the client, means a
     * client that crashes or ignores the answer cannot leave it running until its deadline.
     */
    public ReportResponse report(long jobId, int number, ReportRequest request) {
        requireOwnJob(jobId);
        long trialId = external.report(jobId, number, request.step(), request.value(), properties.trialTimeout())
                .orElseThrow(() -> refused(jobId, number));
        PruningPolicy policy = policies.get(jobId);
        Verdict verdict = pruning.judge(policy, trialId, number, request.step(), Integer.MAX_VALUE);
        if (verdict.reason() == null) {
            return ReportResponse.CONTINUE;
        }
        if (!verdict.prune()) {
            external.notePruning(jobId, number, request.step(), verdict.reason());
            return new ReportResponse(false, verdict.reason());
        }
        if (!external.prune(jobId, number, request.step(), request.value(), verdict.reason())) {
            // told, cancelled or expired since the report: say what happened instead
            throw refused(jobId, number);
        }
        reconciler.reconcile(jobId);
        return new ReportResponse(true, verdict.reason());
    }

    /** Another project's job is answered as if it did not exist. */
    private void requireOwnJob(long jobId) {
        // checked before this ran (PathAccessCheck), so this costs no query
        scope.job(jobId);
    }

    /** Why a tell or report changed nothing: read only after the fenced write refused it. */
    private ApiProblem refused(long jobId, int number) {
        Refusal r = external.refusal(jobId, number).orElseThrow(() -> JobNotFound.of(jobId));
        if (r.execution() != JobExecution.EXTERNAL) {
            return AskTellProblems.notExternal(jobId);
        }
        boolean running = r.trialState() == TrialState.RUNNING;
        if (r.trialState() == null || (running && !r.pastDeadline())) {
            // a running, unexpired trial refused a moment ago did not exist yet then: the ask
            // that created it committed after the refused write
            return TrialNotFound.of(jobId, number);
        }
        if (running) {
            // past its deadline, so it counts as FAILED; the reaper marks it so shortly
            return AskTellProblems.trialFinished(
                    jobId, number, TrialState.FAILED, ExternalTrials.expiryReason(properties.trialTimeout()));
        }
        return AskTellProblems.trialFinished(jobId, number, r.trialState(), r.failureReason());
    }
}
