package dev.anneal.worker.run;

import dev.anneal.spec.JobSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A trial's objective and constraint values for a job with several objectives or constraints,
 * read at the kept epoch (chosen by the first objective, as for one objective), or from the kept
 * network's measured cost: so every value describes the same network, the one stored.
 *
 * @param missing the first metric the epoch did not record, or null
 */
record TradeOffValues(List<Double> objectives, List<Double> constraints, String missing) {

    /** @param cost the kept network's cost metrics, read where the epoch has no such metric */
    static TradeOffValues at(JobSpec spec, Map<String, Double> epoch, Map<String, Double> cost) {
        List<Double> objectives = new ArrayList<>();
        for (JobSpec.ObjectiveSpec o : spec.objectives()) {
            Double v = epoch.getOrDefault(o.metric(), cost.get(o.metric()));
            if (v == null || !Double.isFinite(v)) {
                return new TradeOffValues(List.of(), List.of(), o.metric());
            }
            objectives.add(v);
        }
        List<Double> constraints = new ArrayList<>();
        for (JobSpec.ConstraintSpec c : spec.constraints()) {
            Double v = epoch.getOrDefault(c.metric(), cost.get(c.metric()));
            if (v == null || !Double.isFinite(v)) {
                return new TradeOffValues(List.of(), List.of(), c.metric());
            }
            constraints.add(c.value(v));
        }
        return new TradeOffValues(objectives, constraints, null);
    }
}
