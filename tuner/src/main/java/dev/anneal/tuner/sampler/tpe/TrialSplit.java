package dev.anneal.tuner.sampler.tpe;

import dev.anneal.tuner.space.SearchSpace;
import dev.anneal.tuner.space.UnitSpace;
import dev.anneal.tuner.study.Direction;
import dev.anneal.tuner.study.StudyView;
import dev.anneal.tuner.study.TrialView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A study's history split the TPE way: the best gamma(n) completed trials ("below", the good
 * ones l(x) is fitted to) and every other trial with known parameters ("above", for g(x)).
 *
 * <ul>
 *   <li>Failed trials, and completed ones without a usable value (NaN), say nothing about where
 *       good parameters are and are left out.
 *   <li>Pruned trials go above: they stopped because they looked worse than others. (Optuna may
 *       rank pruned trials below by their last intermediate value; a {@link TrialView} carries
 *       none, so they are never treated as good.)
 *   <li>Pending trials go above, as Optuna's {@code constant_liar=True} does: a suggestion made
 *       while others run is pushed away from them, so parallel workers do not pile onto one
 *       point.
 * </ul>
 *
 * Trials whose parameters do not lie in the space (the space was edited) are left out.
 */
final class TrialSplit {

    /** Optuna's default gamma(n) = min(ceil(n / 10), 25): how many trials count as good. */
    static int gamma(int finished) {
        return Math.min((finished + 9) / 10, 25);
    }

    private final double[][] below;
    private final double[][] above;
    private final int finished;

    private TrialSplit(double[][] below, double[][] above, int finished) {
        this.below = below;
        this.above = above;
        this.finished = finished;
    }

    static TrialSplit of(StudyView study, UnitSpace unit) {
        SearchSpace space = study.space();
        double sign = study.direction() == Direction.MAXIMIZE ? -1 : 1;
        List<TrialView> completed = new ArrayList<>();
        List<TrialView> above = new ArrayList<>();
        int pruned = 0;
        for (TrialView t : study.trials()) {
            boolean usable = t.status() != TrialView.Status.FAILED
                    && (t.status() != TrialView.Status.COMPLETE
                            || (t.value().isPresent() && !Double.isNaN(t.value().getAsDouble())));
            if (!usable || !space.contains(t.params())) {
                continue;
            }
            if (t.status() == TrialView.Status.COMPLETE) {
                completed.add(t);
            } else {
                pruned += t.status() == TrialView.Status.PRUNED ? 1 : 0;
                above.add(t);
            }
        }
        int finished = completed.size() + pruned;
        completed.sort(
                Comparator.<TrialView>comparingDouble(t -> sign * t.value().getAsDouble())
                        .thenComparingInt(TrialView::number));
        int good = Math.min(gamma(finished), completed.size());
        List<TrialView> below = new ArrayList<>(completed.subList(0, good));
        above.addAll(completed.subList(good, completed.size()));
        return new TrialSplit(encode(below, unit), encode(above, unit), finished);
    }

    /** Rows in trial-number order, since Optuna's weights fade the oldest observations. */
    private static double[][] encode(List<TrialView> trials, UnitSpace unit) {
        trials.sort(Comparator.comparingInt(TrialView::number));
        double[][] rows = new double[trials.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = unit.encode(trials.get(i).params());
        }
        return rows;
    }

    /** Unit-space rows of the good trials, oldest first. */
    double[][] below() {
        return below;
    }

    /** Unit-space rows of every other trial with parameters, oldest first. */
    double[][] above() {
        return above;
    }

    /** Completed and pruned trials: what the startup phase counts. */
    int finished() {
        return finished;
    }
}
