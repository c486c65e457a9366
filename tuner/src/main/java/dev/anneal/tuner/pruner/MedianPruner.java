package dev.anneal.tuner.pruner;

import static dev.anneal.tuner.pruner.Numbers.format;

/**
 * Pruner {@code median} (Optuna's MedianPruner, Google Vizier's median stopping rule): stops a
 * trial whose best value so far is worse than the median of what completed trials reported at
 * the same step. Only completed trials count, so one bad early curve cannot set the bar. A
 * trial's last step is never judged.
 */
final class MedianPruner implements Pruner {

    private final int warmupTrials;
    private final int warmupSteps;

    /**
     * @param warmupTrials judge nothing until this many completed trials reported the step
     * @param warmupSteps judge no step below this one, since early curves say little
     */
    MedianPruner(int warmupTrials, int warmupSteps) {
        if (warmupTrials < 0 || warmupSteps < 0) {
            throw new InvalidPrunerSettingsException("warmupTrials", "warm-up counts must be >= 0");
        }
        this.warmupTrials = warmupTrials;
        this.warmupSteps = warmupSteps;
    }

    @Override
    public Verdict judge(Report report) {
        if (report.step() < warmupSteps || report.step() >= report.maxStep()) {
            // stopping at the last step would save nothing
            return Verdict.NO_JUDGEMENT;
        }
        double[] completed = report.peers().stream()
                .filter(Report.Peer::completed)
                .mapToDouble(Report.Peer::value)
                .sorted()
                .toArray();
        String prefix = "median step " + report.step() + ": ";
        if (completed.length == 0 || completed.length < warmupTrials) {
            return Verdict.keep(prefix + "warming up, " + completed.length + " of " + warmupTrials
                    + " completed trials reached this step");
        }
        double median = median(completed);
        String against = " median " + format(median) + " of " + completed.length + " completed trials";
        if (report.direction().isBetter(median, report.best())) {
            return Verdict.prune(prefix + "best " + format(report.best()) + " worse than" + against);
        }
        return Verdict.keep(prefix + "best " + format(report.best()) + " not worse than" + against);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
