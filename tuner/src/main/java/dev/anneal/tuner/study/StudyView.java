package dev.anneal.tuner.study;

import dev.anneal.tuner.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a sampler may look at: the search space, the direction of each objective (one for
 * most studies, 2–4 for a study of trade-offs) and every trial of the job so far (pending ones
 * included, so parallel suggestions can avoid them).
 */
public record StudyView(SearchSpace space, List<Direction> directions, List<TrialView> trials) {

    public StudyView {
        directions = List.copyOf(directions);
        if (directions.isEmpty()) {
            throw new IllegalArgumentException("a study has at least one objective");
        }
        trials = List.copyOf(trials);
    }

    /** A study of one objective. */
    public StudyView(SearchSpace space, Direction direction, List<TrialView> trials) {
        this(space, List.of(direction), trials);
    }

    /** The direction of the (first) objective. */
    public Direction direction() {
        return directions.get(0);
    }

    public boolean multiObjective() {
        return directions.size() > 1;
    }

    /** This study with {@code trial} appended; used when several trials are sampled in one pass. */
    public StudyView with(TrialView trial) {
        List<TrialView> more = new ArrayList<>(trials);
        more.add(trial);
        return new StudyView(space, directions, more);
    }

    public List<TrialView> trials(TrialView.Status status) {
        return trials.stream().filter(t -> t.status() == status).toList();
    }

    /**
     * A completed trial's objective values turned to minimization (maximized ones negated), or
     * null when it lacks a finite value for every objective.
     */
    public double[] losses(TrialView t) {
        if (t.status() != TrialView.Status.COMPLETE || t.values().size() != directions.size()) {
            return null;
        }
        double[] loss = new double[directions.size()];
        for (int k = 0; k < loss.length; k++) {
            double v = t.values().get(k);
            if (!Double.isFinite(v)) {
                return null;
            }
            loss[k] = directions.get(k) == Direction.MAXIMIZE ? -v : v;
        }
        return loss;
    }
}
