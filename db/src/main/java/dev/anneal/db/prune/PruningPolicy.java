package dev.anneal.db.prune;

import dev.anneal.tuner.pruner.Pruner;
import dev.anneal.tuner.study.Direction;

/**
 * A job's pruner and what it judges: the objective metric intermediate values are recorded
 * under, and its direction.
 *
 * @param enabled false for pruner {@code none}: nothing needs to be read or judged
 */
public record PruningPolicy(long jobId, String metric, Direction direction, Pruner pruner, boolean enabled) {}
