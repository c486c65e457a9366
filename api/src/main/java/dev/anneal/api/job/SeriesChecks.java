package dev.anneal.api.job;

import dev.anneal.spec.catalog.Hyperparameters;
import dev.anneal.tuner.space.Distribution;
import dev.anneal.tuner.space.IntDistribution;
import dev.anneal.tuner.space.SearchSpace;

/** Submission-time checks of time-series jobs, so a window that cannot fit fails at once, not in every trial. */
final class SeriesChecks {

    private SeriesChecks() {}

    /**
     * The longest window the space can sample, plus the horizon, must leave at least one
     * training window before the validation steps.
     */
    static void checkLength(SpecNode root, SearchSpace space, int horizon, int validationSteps, int rows) {
        int window = largestWindow(space);
        int needed = window + horizon + validationSteps;
        if (needed > rows) {
            boolean searched = space.parameters().containsKey(Hyperparameters.WINDOW);
            root.error(
                    searched ? "searchSpace.window" : "validation",
                    "window " + window + " + horizon " + horizon + " + " + validationSteps
                            + " validation steps needs at least " + needed + " rows, but the series has " + rows
                            + "; use a shorter window or fewer validation steps");
        }
    }

    private static int largestWindow(SearchSpace space) {
        Distribution d = space.parameters().get(Hyperparameters.WINDOW);
        if (d == null) {
            return ((Number) Hyperparameters.get(Hyperparameters.WINDOW).defaultValue()).intValue();
        }
        if (d instanceof IntDistribution range) {
            return (int) range.high();
        }
        return d.values().stream().mapToInt(v -> ((Number) v).intValue()).max().orElse(0);
    }
}
