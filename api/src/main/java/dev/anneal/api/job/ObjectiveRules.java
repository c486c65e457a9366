package dev.anneal.api.job;

import dev.anneal.spec.DirectionJson;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.catalog.ObjectiveMetrics;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a job optimizes: for DL4J jobs one of the task's metrics, in the direction that metric is
 * better and at the best or last epoch; for external jobs whatever the client measures, with the
 * direction it must state.
 */
final class ObjectiveRules {

    static final int MAX_METRIC_LENGTH = 200;
    private static final List<String> DIRECTIONS = List.of("minimize", "maximize");

    private ObjectiveRules() {}

    record Objective(String metric, String direction, String epoch) {

        JobSpec.ObjectiveSpec spec() {
            return new JobSpec.ObjectiveSpec(metric, DirectionJson.parse(direction), epoch);
        }
    }

    /**
     * @param classes the target's distinct values (classification), to refuse val_auc beyond two classes
     * @param imageLabels an image GAN with a label column: only it reports its classifier's metrics
     */
    static Objective objective(SpecNode root, String task, boolean taskKnown, int classes, boolean imageLabels) {
        Optional<SpecNode> node = root.object("objective", false);
        node.ifPresent(o -> o.rejectUnknown(Set.of("metric", "direction", "epoch")));
        List<String> metrics = ObjectiveMetrics.names(task);
        String metric =
                node.flatMap(o -> o.string("metric", false)).orElse(ObjectiveMetrics.defaultMetric(task, imageLabels));
        if (!imageLabels && ObjectiveMetrics.IMAGE_CLASSIFIER.contains(metric)) {
            root.error(
                    "objective.metric",
                    metric + " is measured by a classifier of real images: it needs a gan with model.input and"
                            + " a label column in \"target\"; use val_mmd or val_c2st");
        }
        if (taskKnown && !metrics.contains(metric)) {
            root.error(
                    "objective.metric", "must be one of " + metrics + " for " + task + ", but was \"" + metric + "\"");
            return new Objective(metric, "maximize", "best");
        }
        if (ObjectiveMetrics.TWO_CLASSES.contains(metric) && classes > 2) {
            root.error(
                    "objective.metric",
                    metric + " is defined for two classes, but the target has " + classes
                            + "; use val_f1, val_accuracy or val_loss");
        }
        boolean natural = Boolean.TRUE.equals(ObjectiveMetrics.maximized(task, metric));
        String naturalDirection = natural ? "maximize" : "minimize";
        String direction =
                node.flatMap(o -> o.choice("direction", false, DIRECTIONS)).orElse(naturalDirection);
        if (taskKnown && !direction.equals(naturalDirection)) {
            root.error(
                    "objective.direction",
                    metric + " is better when " + (natural ? "larger" : "smaller") + ", so direction must be "
                            + naturalDirection + ", but was " + direction);
        }
        String epoch = node.flatMap(o -> o.choice("epoch", false, List.of("best", "last")))
                .orElse("best");
        return new Objective(metric, direction, epoch);
    }

    static Objective externalObjective(SpecNode node) {
        for (String field : node.fieldNames()) {
            if (field.equals("epoch")) {
                node.error(field, "is not used by external jobs: the client tells each trial's value");
            } else if (!field.equals("metric") && !field.equals("direction")) {
                node.error(field, "is not a known field; known fields are [metric, direction]");
            }
        }
        Optional<String> metric = node.string("metric", true);
        metric.filter(m -> m.length() > MAX_METRIC_LENGTH)
                .ifPresent(m -> node.error(
                        "metric", "must be at most " + MAX_METRIC_LENGTH + " characters, but has " + m.length()));
        Optional<String> direction = node.choice("direction", true, DIRECTIONS);
        return new Objective(metric.orElse(""), direction.orElse(""), null);
    }
}
