package dev.anneal.tuner.pruner;

import static dev.anneal.tuner.pruner.Numbers.format;

import dev.anneal.tuner.study.Direction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Pruner {@code asha}: asynchronous successive halving (Li et al. 2020), as Optuna's
 * SuccessiveHalvingPruner does it. Rung {@code k} sits at epoch {@code minEpochs × η^(rate + k)};
 * a trial reaching a rung goes on only if its value there is among the top {@code 1/η} of every
 * value any trial of the job reported at that epoch so far (at least the top one). Nothing
 * waits for a rung to fill up, and a trial that passes a rung simply keeps training where it
 * is: promotion never restarts it. Its last epoch is never a rung, since stopping there saves
 * nothing.
 */
final class AshaPruner implements Pruner {

    private final int minEpochs;
    private final int reductionFactor;
    private final int rate;

    /** @param rate the minimum early-stopping rate: how many rungs are skipped (Hyperband brackets) */
    AshaPruner(int minEpochs, int reductionFactor, int rate) {
        if (minEpochs < 1) {
            throw new InvalidPrunerSettingsException("minEpochs", "must be >= 1, but was " + minEpochs);
        }
        if (reductionFactor < 2) {
            throw new InvalidPrunerSettingsException("reductionFactor", "must be >= 2, but was " + reductionFactor);
        }
        this.minEpochs = minEpochs;
        this.reductionFactor = reductionFactor;
        this.rate = rate;
    }

    /** The rung whose epoch is {@code step}, or -1 when no rung sits there. */
    int rungAt(int step) {
        long epoch = minEpochs;
        for (int i = 0; i < rate; i++) {
            epoch *= reductionFactor;
        }
        for (int rung = 0; epoch <= step; rung++) {
            if (epoch == step) {
                return rung;
            }
            epoch *= reductionFactor;
        }
        return -1;
    }

    @Override
    public Verdict judge(Report report) {
        int rung = rungAt(report.step());
        if (rung < 0 || report.step() >= report.maxStep()) {
            return Verdict.NO_JUDGEMENT;
        }
        List<Double> values = new ArrayList<>();
        report.peers().forEach(p -> values.add(p.value()));
        values.add(report.value());
        Comparator<Double> bestFirst = (a, b) ->
                report.direction().isBetter(a, b) ? -1 : report.direction().isBetter(b, a) ? 1 : 0;
        values.sort(bestFirst);
        int kept = Math.max(1, values.size() / reductionFactor);
        double cutoff = values.get(kept - 1);
        String prefix = "asha rung " + rung + " (epoch " + report.step() + "): " + format(report.value());
        String against = " top-1/" + reductionFactor + " cutoff " + format(cutoff) + " of " + values.size() + " trials";
        if (report.direction().isBetter(cutoff, report.value())) {
            // "below" reads right for accuracies, "above" for losses
            String worse = report.direction() == Direction.MAXIMIZE ? " below" : " above";
            return Verdict.prune(prefix + worse + against);
        }
        return Verdict.keep(prefix + " within" + against + ", promoted");
    }
}
