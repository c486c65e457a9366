package dev.anneal.tuner.pruner;

import java.util.ArrayList;
import java.util.List;

/**
 * Pruner {@code hyperband} (Li et al. 2018, asynchronous as in Optuna's HyperbandPruner):
 * several ASHA brackets that differ in how early they may stop a trial. Bracket {@code b}'s
 * first rung is at epoch {@code minEpochs × η^b}; there are as many brackets as rungs fit
 * below {@code maxEpochs}. Each trial belongs to one bracket, chosen from the job's seed and
 * the trial's number alone (so every worker agrees without coordination), with the brackets'
 * shares of trials weighted like Hyperband's budgets: the most aggressive bracket gets the most
 * trials. A trial is only compared with trials of its own bracket.
 */
final class HyperbandPruner implements Pruner {

    private final List<AshaPruner> brackets = new ArrayList<>();
    private final long[] cumulativeWeights;
    private final long seed;

    HyperbandPruner(int minEpochs, int maxEpochs, int reductionFactor, long seed) {
        if (minEpochs < 1) {
            throw new InvalidPrunerSettingsException("minEpochs", "must be >= 1, but was " + minEpochs);
        }
        if (maxEpochs < minEpochs) {
            throw new InvalidPrunerSettingsException(
                    "maxEpochs", "must be >= minEpochs (" + minEpochs + "), but was " + maxEpochs);
        }
        if (reductionFactor < 2) {
            throw new InvalidPrunerSettingsException("reductionFactor", "must be >= 2, but was " + reductionFactor);
        }
        int count = 1;
        for (long epoch = (long) minEpochs * reductionFactor; epoch <= maxEpochs; epoch *= reductionFactor) {
            count++;
        }
        cumulativeWeights = new long[count];
        long total = 0;
        for (int b = 0; b < count; b++) {
            brackets.add(new AshaPruner(minEpochs, reductionFactor, b));
            // Hyperband's bracket s = count - 1 - b starts ceil(count / (s + 1) * η^s) trials
            int s = count - 1 - b;
            total += (long) Math.ceil((double) count / (s + 1) * Math.pow(reductionFactor, s));
            cumulativeWeights[b] = total;
        }
        this.seed = seed;
    }

    int bracketCount() {
        return brackets.size();
    }

    /** The bracket of trial {@code number}: a hash of the job's seed and the number, weighted. */
    int bracketOf(int number) {
        long total = cumulativeWeights[cumulativeWeights.length - 1];
        long draw = Math.floorMod(mix(seed * 0x9E3779B97F4A7C15L + number), total);
        int b = 0;
        while (draw >= cumulativeWeights[b]) {
            b++;
        }
        return b;
    }

    @Override
    public Verdict judge(Report report) {
        int bracket = bracketOf(report.trialNumber());
        List<Report.Peer> sameBracket = report.peers().stream()
                .filter(p -> bracketOf(p.trialNumber()) == bracket)
                .toList();
        Report within = new Report(
                report.trialNumber(),
                report.step(),
                report.value(),
                report.best(),
                report.maxStep(),
                report.direction(),
                sameBracket);
        return brackets.get(bracket).judge(within).prefixed("hyperband bracket " + bracket + ": ");
    }

    /** SplitMix64's finalizer: every input bit affects every output bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
