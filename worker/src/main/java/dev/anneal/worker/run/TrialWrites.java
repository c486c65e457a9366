package dev.anneal.worker.run;

import dev.anneal.db.trial.Lease;
import dev.anneal.db.trial.LeaseCheck;
import dev.anneal.db.trial.ParetoRanks;
import dev.anneal.db.trial.TrialModels;
import dev.anneal.db.trial.TrialQueue;
import dev.anneal.spec.JobSpec;
import dev.anneal.worker.train.TrainedModel;
import java.util.List;

/**
 * Everything a running trial writes, each write fenced by the trial's lease and retried through
 * a database outage ({@link DatabaseRetry}), so the trial's own code reads as what it does. A
 * {@code false} (or {@link LeaseCheck#LOST}) means the lease is gone: another worker holds the
 * trial now, and nothing was written.
 */
final class TrialWrites {

    private final TrialQueue queue;
    private final TrialModels models;
    private final DatabaseRetry retry;
    private final ParetoRanks paretoRanks;

    TrialWrites(TrialQueue queue, TrialModels models, DatabaseRetry retry, ParetoRanks paretoRanks) {
        this.queue = queue;
        this.models = models;
        this.retry = retry;
        this.paretoRanks = paretoRanks;
    }

    LeaseCheck reportEpoch(Lease lease, int epoch, String metricsJson) {
        return retry.call("report an epoch", () -> queue.reportEpoch(lease, epoch, metricsJson));
    }

    boolean notePruning(Lease lease, int epoch, String reason) {
        return retry.call("record the pruner's judgement", () -> queue.notePruning(lease, epoch, reason));
    }

    boolean prune(Lease lease, int epoch, double value, String reason) {
        return retry.call("prune the trial", () -> queue.prune(lease, epoch, value, reason));
    }

    boolean saveModel(Lease lease, TrainedModel model) {
        return retry.call("store the model", () -> models.save(lease, model.format(), model.zip(), model.samples()));
    }

    boolean complete(
            Lease lease,
            double value,
            int bestEpoch,
            String preprocessingJson,
            String foldValuesJson,
            String costJson) {
        return retry.call(
                "complete the trial",
                () -> queue.complete(lease, value, bestEpoch, preprocessingJson, foldValuesJson, costJson));
    }

    /**
     * Completes a trial of a job with several objectives or constraints, then ranks the job's
     * completed trials again (after the completion committed, so the refresh sees it).
     */
    boolean complete(
            Lease lease,
            List<Double> objectives,
            List<Double> constraints,
            int bestEpoch,
            String preprocessingJson,
            String foldValuesJson,
            String costJson,
            long jobId,
            JobSpec spec) {
        boolean written = retry.call(
                "complete the trial",
                () -> queue.complete(
                        lease, objectives, constraints, bestEpoch, preprocessingJson, foldValuesJson, costJson));
        if (written) {
            retry.call("rank the job's trials", () -> {
                paretoRanks.refresh(
                        jobId,
                        spec.objectives().stream()
                                .map(JobSpec.ObjectiveSpec::direction)
                                .toList());
                return true;
            });
        }
        return written;
    }

    boolean fail(Lease lease, String reason) {
        return retry.call("fail the trial", () -> queue.fail(lease, reason));
    }

    boolean finishStopped(Lease lease) {
        return retry.call("finish the stopped trial", () -> queue.finishStopped(lease));
    }

    boolean release(Lease lease) {
        return retry.call("release the trial", () -> queue.release(lease));
    }
}
