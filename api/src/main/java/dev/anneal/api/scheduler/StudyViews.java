package dev.anneal.api.scheduler;

import dev.anneal.db.trial.TrialEntity;
import dev.anneal.db.trial.TrialState;
import dev.anneal.spec.ParamValues;
import dev.anneal.tuner.space.SearchSpace;
import dev.anneal.tuner.study.Direction;
import dev.anneal.tuner.study.StudyView;
import dev.anneal.tuner.study.TrialView;
import java.util.List;
import java.util.OptionalDouble;
import tools.jackson.databind.json.JsonMapper;

/** The one place stored trials become what samplers see (the scheduler's and ask/tell's). */
public final class StudyViews {

    private StudyViews() {}

    public static StudyView of(SearchSpace space, Direction direction, List<TrialEntity> trials, JsonMapper json) {
        return of(space, List.of(direction), trials, json);
    }

    /** A study of several objectives (or of one with constraints): trials carry their stored vectors. */
    public static StudyView of(
            SearchSpace space, List<Direction> directions, List<TrialEntity> trials, JsonMapper json) {
        List<TrialView> views = trials.stream().map(t -> view(t, json)).toList();
        return new StudyView(space, directions, views);
    }

    private static TrialView view(TrialEntity t, JsonMapper json) {
        OptionalDouble value = t.getValue() == null ? OptionalDouble.empty() : OptionalDouble.of(t.getValue());
        // a pruned trial's value is its last intermediate value, reached at best_epoch
        int step = t.getState() == TrialState.PRUNED && t.getBestEpoch() != null ? t.getBestEpoch() : 0;
        var params = ParamValues.params(json.readTree(t.getParams()));
        if (t.getObjectiveValues().isEmpty()) {
            return new TrialView(t.getNumber(), status(t), params, value, step);
        }
        return new TrialView(
                t.getNumber(), status(t), params, value, step, t.getObjectiveValues(), t.getConstraintValues());
    }

    private static TrialView.Status status(TrialEntity t) {
        return switch (t.getState()) {
            case QUEUED, RUNNING -> TrialView.Status.PENDING;
            case COMPLETED -> TrialView.Status.COMPLETE;
            case PRUNED -> TrialView.Status.PRUNED;
            case FAILED, CANCELLED -> TrialView.Status.FAILED;
        };
    }
}
