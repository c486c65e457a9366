package dev.anneal.api.job;

import dev.anneal.spec.JobSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code "constraints"}: bounds on recorded metrics that make a trial feasible, e.g. {@code
 * {"metric": "inference_ms", "max": 2.0}}. A DL4J job's constraints name metrics its trials
 * record; an external job's name metrics the client tells with each result.
 */
final class ConstraintRules {

    static final int MAX_CONSTRAINTS = 8;

    private ConstraintRules() {}

    /** @param known the metrics a trial records, or null when the client reports any (external jobs) */
    static List<JobSpec.ConstraintSpec> parse(SpecNode root, List<String> known) {
        Optional<List<SpecNode>> nodes = root.objects("constraints", 1, MAX_CONSTRAINTS);
        if (nodes.isEmpty()) {
            return List.of();
        }
        List<JobSpec.ConstraintSpec> constraints = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (SpecNode node : nodes.get()) {
            node.rejectUnknown(Set.of("metric", "min", "max"));
            Optional<String> metric = node.string("metric", true);
            metric.filter(m -> m.length() > ObjectiveRules.MAX_METRIC_LENGTH)
                    .ifPresent(m -> node.error(
                            "metric",
                            "must be at most " + ObjectiveRules.MAX_METRIC_LENGTH + " characters, but has "
                                    + m.length()));
            metric.filter(m -> known != null && !known.contains(m))
                    .ifPresent(m -> node.error(
                            "metric", "must be one of the metrics trials record " + known + ", but was \"" + m + "\""));
            metric.filter(m -> !seen.add(m))
                    .ifPresent(m -> node.error(
                            "metric", "repeats \"" + m + "\": give one constraint per metric, with both min and max"));
            Optional<Double> min = node.number("min", false);
            Optional<Double> max = node.number("max", false);
            if (!node.has("min") && !node.has("max")) {
                node.error("", "needs \"min\", \"max\" or both");
            }
            if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
                node.error("min", "must not exceed max (" + max.get() + "), but was " + min.get());
            }
            constraints.add(new JobSpec.ConstraintSpec(metric.orElse(""), min.orElse(null), max.orElse(null)));
        }
        return constraints;
    }
}
