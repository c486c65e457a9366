package dev.anneal.api.importance;

import java.util.List;

/**
 * How much each searched parameter explains the objective over a job's completed trials.
 * {@code parameters} is empty until {@code minTrials} trials completed; fixed parameters are
 * not listed (they cannot explain anything).
 */
record ParameterImportance(String method, int trials, int minTrials, List<Entry> parameters) {

    record Entry(String name, double importance) {}
}
