package dev.anneal.db.prune;

import dev.anneal.db.trial.IntermediateValues;
import dev.anneal.db.trial.TrialState;
import dev.anneal.tuner.pruner.Report;
import dev.anneal.tuner.pruner.Verdict;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Asks a job's pruner about a trial that just reported a step, with the values every trial of
 * the job reported at that step read from PostgreSQL: trials of one job may run on several
 * worker processes (or clients), and the database is the only place that sees them all. DL4J
 * workers call it after each epoch, ask/tell after each report.
 */
@Component
public class TrialPruning {

    private final IntermediateValues values;

    public TrialPruning(IntermediateValues values) {
        this.values = values;
    }

    /**
     * @param maxStep the trial's last step (its epochs), or {@link Integer#MAX_VALUE} if unknown
     * @return the pruner's verdict; {@link Verdict#NO_JUDGEMENT} without reading anything when the
     *     job has no pruner
     */
    public Verdict judge(PruningPolicy policy, long trialId, int trialNumber, int step, int maxStep) {
        if (!policy.enabled()) {
            return Verdict.NO_JUDGEMENT;
        }
        IntermediateValues.AtStep read = values.atStep(policy.jobId(), trialId, policy.metric(), step);
        List<IntermediateValues.Value> own = read.own();
        if (own.isEmpty() || own.get(own.size() - 1).step() != step) {
            // the report is not there (the trial was requeued meanwhile): nothing to judge
            return Verdict.NO_JUDGEMENT;
        }
        double value = own.get(own.size() - 1).value();
        double best = value;
        for (IntermediateValues.Value v : own) {
            best = policy.direction().isBetter(v.value(), best) ? v.value() : best;
        }
        List<Report.Peer> peers = read.peers().stream()
                .map(v -> new Report.Peer(v.trialNumber(), v.state() == TrialState.COMPLETED, v.value()))
                .toList();
        return policy.pruner().judge(new Report(trialNumber, step, value, best, maxStep, policy.direction(), peers));
    }
}
