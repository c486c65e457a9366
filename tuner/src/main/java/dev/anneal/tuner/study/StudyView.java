package dev.anneal.tuner.study;

import dev.anneal.tuner.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a sampler may look at: the search space, the direction of the objective and every
 * trial of the job so far (pending ones included, so parallel suggestions can avoid them).
 */
public record StudyView(SearchSpace space, Direction direction, List<TrialView> trials) {

    public StudyView {
        trials = List.copyOf(trials);
    }

    /** This study with {@code trial} appended; used when several trials are sampled in one pass. */
    public StudyView with(TrialView trial) {
        List<TrialView> more = new ArrayList<>(trials);
        more.add(trial);
        return new StudyView(space, direction, more);
    }

    public List<TrialView> trials(TrialView.Status status) {
        return trials.stream().filter(t -> t.status() == status).toList();
    }
}
