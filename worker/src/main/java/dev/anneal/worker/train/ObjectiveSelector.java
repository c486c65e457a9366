package dev.anneal.worker.train;

import dev.anneal.spec.JobSpec;
import java.util.List;
import java.util.Map;

/** Picks a trial's objective value from its learning curve: the best epoch's, or the last one's. */
public final class ObjectiveSelector {

    /** The chosen value and the (1-based) epoch it came from. */
    public record Selection(double value, int epoch) {}

    private ObjectiveSelector() {}

    public static Selection select(List<Map<String, Double>> curve, JobSpec.ObjectiveSpec objective) {
        if (curve.isEmpty()) {
            throw new IllegalArgumentException("no epochs to select from");
        }
        if (objective.useLastEpoch()) {
            return new Selection(curve.get(curve.size() - 1).get(objective.metric()), curve.size());
        }
        int best = 0;
        for (int i = 1; i < curve.size(); i++) {
            double v = curve.get(i).get(objective.metric());
            double b = curve.get(best).get(objective.metric());
            // strictly better only: ties keep the earlier (cheaper) epoch
            if (objective.maximize() ? v > b : v < b) {
                best = i;
            }
        }
        return new Selection(curve.get(best).get(objective.metric()), best + 1);
    }
}
