package dev.anneal.worker.run;

import dev.anneal.db.job.JobSpecs;
import dev.anneal.db.job.StoredJob;
import dev.anneal.db.prune.PruningPolicies;
import dev.anneal.db.prune.PruningPolicy;
import dev.anneal.db.prune.TrialPruning;
import dev.anneal.db.shared.TrialOutcome;
import dev.anneal.db.trial.ClaimedTrial;
import dev.anneal.db.trial.Lease;
import dev.anneal.db.trial.LeaseCheck;
import dev.anneal.db.trial.ParetoRanks;
import dev.anneal.db.trial.TrialModels;
import dev.anneal.db.trial.TrialQueue;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.ModelFamily;
import dev.anneal.spec.catalog.Hyperparameters;
import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.tuner.pruner.Verdict;
import dev.anneal.worker.config.TrialMemory;
import dev.anneal.worker.metrics.WorkerMetrics;
import dev.anneal.worker.prepare.PreparationOptions;
import dev.anneal.worker.prepare.PreparedData;
import dev.anneal.worker.prepare.TrainingDataException;
import dev.anneal.worker.train.ObjectiveSelector;
import dev.anneal.worker.train.SupervisedTrainer;
import dev.anneal.worker.train.TrainedModel;
import dev.anneal.worker.train.TrainingMonitor;
import dev.anneal.worker.train.TrainingResult;
import dev.anneal.worker.train.text.LanguageModelRun;
import dev.anneal.worker.train.text.TranslationRun;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one claimed trial from start to finish: load the job's data prepared with the trial's
 * options, train the job's model family, report every epoch and consult the job's pruner after
 * it, then store the model and write exactly one outcome through the fenced {@link TrialQueue}
 * methods. Whatever the trial throws, exceptions and errors alike (out of memory included), ends
 * it FAILED with a reason and the worker carries on; only a database that stays unreachable
 * past the retry budget escapes, as the trial is not at fault (the pool abandons it).
 */
public class TrialRunner {

    private static final Logger log = LoggerFactory.getLogger(TrialRunner.class);

    private final TrialWrites writes;
    private final JobSpecs jobs;
    private final TrainingDataCache data;
    private final JsonMapper json;
    private final WorkerMetrics metrics;
    private final DatabaseRetry retry;
    private final PruningPolicies policies;
    private final TrialPruning pruning;

    public TrialRunner(
            TrialQueue queue,
            TrialModels models,
            JobSpecs jobs,
            TrainingDataCache data,
            JsonMapper json,
            WorkerMetrics metrics,
            DatabaseRetry retry,
            PruningPolicies policies,
            TrialPruning pruning,
            ParetoRanks paretoRanks) {
        this.writes = new TrialWrites(queue, models, retry, paretoRanks);
        this.jobs = jobs;
        this.data = data;
        this.json = json;
        this.metrics = metrics;
        this.retry = retry;
        this.policies = policies;
        this.pruning = pruning;
    }

    public TrialOutcome run(TrialControl control) {
        ClaimedTrial trial = control.trial();
        Lease lease = trial.lease();
        try {
            StoredJob job = retry.call("read the job", () -> jobs.get(trial.jobId()));
            TrialParams params =
                    new TrialParams(json.readValue(trial.paramsJson(), new TypeReference<Map<String, Object>>() {}));
            PreparationOptions options = PreparationOptions.of(params, job.spec());
            List<PreparedData> folds = retry.call("load the dataset", () -> data.prepared(job, options));
            long seed = TrainingSeeds.forTrial(job.spec().algorithm().seed(), trial.number());
            PruningPolicy policy = retry.call("read the job's pruner", () -> policies.get(trial.jobId()));
            int epochs = params.getInt(Hyperparameters.EPOCHS);
            TrainingMonitor monitor = monitor(control, policy, epochs);
            TrainingResult result = job.spec().model().type() == ModelFamily.GAN
                    ? GanTrials.train(folds.get(0), job.spec(), params, seed, monitor)
                    : JobSpec.LANGUAGE_MODEL.equals(job.spec().task())
                            ? LanguageModelRun.train(folds.get(0), job.spec(), params, seed, monitor)
                            : JobSpec.TRANSLATION.equals(job.spec().task())
                                    ? TranslationRun.train(folds.get(0), job.spec(), params, seed, monitor)
                                    : SupervisedTrainer.train(folds, job.spec(), params, seed, monitor);
            return finish(control, job, folds.get(0), result);
        } catch (TrainingDataException e) {
            log.warn("Trial cannot train: {}", e.getMessage());
            return fail(lease, e.getMessage()) ? TrialOutcome.FAILED : TrialOutcome.LEASE_LOST;
        } catch (RuntimeException | Error e) {
            if (DatabaseRetry.isConnectionFailure(e)) {
                // the database stayed away past the retry budget: not the trial's fault, so no
                // FAILED; the pool abandons it and the reaper requeues it after dead-after
                throw e;
            }
            return failed(lease, e);
        }
    }

    /**
     * Ends the trial FAILED with the reason {@link FailureReasons} gives: an {@code Error} (out of
     * memory, stack overflow) is the trial's as much as an exception is, and would end the same
     * way on a retry. After running out of memory, what the trial held is released first, so
     * this write and the next trial this slot claims have the memory back.
     */
    private TrialOutcome failed(Lease lease, Throwable e) {
        boolean outOfMemory = FailureReasons.isOutOfMemory(e);
        if (outOfMemory) {
            TrialMemory.releaseNow();
        }
        String reason = FailureReasons.of(e);
        if (outOfMemory) {
            log.error("Trial ran out of memory; its memory was released and the worker carries on: {}", reason);
        } else {
            log.error("Trial failed with an unexpected error", e);
        }
        return fail(lease, reason) ? TrialOutcome.FAILED : TrialOutcome.LEASE_LOST;
    }

    private boolean fail(Lease lease, String reason) {
        return writes.fail(lease, reason);
    }

    private TrainingMonitor monitor(TrialControl control, PruningPolicy policy, int epochs) {
        return new TrainingMonitor() {
            @Override
            public boolean stopRequested() {
                return control.shouldStop();
            }

            @Override
            public boolean afterEpoch(int epoch, Map<String, Double> epochMetrics) {
                metrics.epochTrained();
                String metricsJson = json.writeValueAsString(epochMetrics);
                control.onLeaseCheck(writes.reportEpoch(control.trial().lease(), epoch, metricsJson));
                if (!control.shouldStop()) {
                    consultPruner(control, policy, epoch, epochs, epochMetrics.get(policy.metric()));
                }
                return !control.shouldStop();
            }
        };
    }

    /**
     * Asks the job's pruner about the epoch just reported and writes its judgement: a trial it
     * stops ends PRUNED with this epoch's value in one lease-fenced statement, so there is no
     * moment where it is stopped but not yet finished.
     */
    private void consultPruner(TrialControl control, PruningPolicy policy, int epoch, int epochs, Double value) {
        if (!policy.enabled() || value == null) {
            return;
        }
        Lease lease = control.trial().lease();
        Verdict verdict = retry.call(
                "consult the pruner",
                () -> pruning.judge(policy, lease.trialId(), control.trial().number(), epoch, epochs));
        if (verdict.reason() == null) {
            return;
        }
        if (!verdict.prune()) {
            writes.notePruning(lease, epoch, verdict.reason());
            return;
        }
        if (writes.prune(lease, epoch, value, verdict.reason())) {
            log.debug("Trial pruned trialId={} epoch={} reason={}", lease.trialId(), epoch, verdict.reason());
            control.markPruned();
        } else {
            control.onLeaseCheck(LeaseCheck.LOST);
        }
    }

    private TrialOutcome finish(TrialControl control, StoredJob job, PreparedData prepared, TrainingResult result) {
        Lease lease = control.trial().lease();
        if (result instanceof TrainingResult.Finished finished) {
            var selection =
                    ObjectiveSelector.select(finished.curve(), job.spec().objective());
            String record = json.writeValueAsString(prepared.record());
            String foldValues = finished.foldValues().isEmpty()
                    ? null
                    : json.writeValueAsString(finished.foldValues().get(selection.epoch() - 1));
            TrainedModel model = finished.model();
            if (model != null && !writes.saveModel(lease, model)) {
                return lost(lease);
            }
            JobSpec spec = job.spec();
            String cost = finished.cost().isEmpty() ? null : json.writeValueAsString(finished.cost());
            if (!spec.isMultiObjective() && spec.constraints().isEmpty()) {
                boolean written =
                        writes.complete(lease, selection.value(), selection.epoch(), record, foldValues, cost);
                return written ? TrialOutcome.COMPLETED : lost(lease);
            }
            TradeOffValues values =
                    TradeOffValues.at(spec, finished.curve().get(selection.epoch() - 1), finished.cost());
            if (values.missing() != null) {
                return fail(lease, "the metric " + values.missing() + " was not recorded at epoch " + selection.epoch())
                        ? TrialOutcome.FAILED
                        : lost(lease);
            }
            boolean written = writes.complete(
                    lease,
                    values.objectives(),
                    values.constraints(),
                    selection.epoch(),
                    record,
                    foldValues,
                    cost,
                    control.trial().jobId(),
                    spec);
            return written ? TrialOutcome.COMPLETED : lost(lease);
        }
        if (result instanceof TrainingResult.Diverged diverged) {
            String reason = "diverged: " + diverged.detail() + " at epoch " + diverged.epoch();
            return fail(lease, reason) ? TrialOutcome.FAILED : lost(lease);
        }
        return stopped(control);
    }

    private TrialOutcome stopped(TrialControl control) {
        Lease lease = control.trial().lease();
        if (control.pruned()) {
            return TrialOutcome.PRUNED;
        }
        LeaseCheck check = control.leaseCheck();
        if (check == LeaseCheck.LOST) {
            return lost(lease);
        }
        if (check == LeaseCheck.CANCEL || check == LeaseCheck.PRUNE) {
            if (!writes.finishStopped(lease)) {
                return lost(lease);
            }
            return check == LeaseCheck.CANCEL ? TrialOutcome.CANCELLED : TrialOutcome.PRUNED;
        }
        return writes.release(lease) ? TrialOutcome.RELEASED : lost(lease);
    }

    private static TrialOutcome lost(Lease lease) {
        log.warn("Lease lost trialId={} leaseVersion={}; result discarded", lease.trialId(), lease.version());
        return TrialOutcome.LEASE_LOST;
    }
}
