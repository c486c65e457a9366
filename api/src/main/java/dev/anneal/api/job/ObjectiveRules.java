package dev.anneal.api.job;

import dev.anneal.spec.DirectionJson;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.catalog.ObjectiveMetrics;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a job optimizes: for DL4J jobs one of the task's metrics, in the direction that metric is
 * better and at the best or last epoch; for external jobs whatever the client measures, with the
 * direction it must state. {@code "objective"} names one; {@code "objectives"} names 2 to
 * {@value #MAX_OBJECTIVES} to trade off, the first choosing a DL4J trial's kept epoch.
 */
final class ObjectiveRules {

    static final int MAX_METRIC_LENGTH = 200;
    static final int MAX_OBJECTIVES = 4;
    private static final List<String> DIRECTIONS = List.of("minimize", "maximize");

    private ObjectiveRules() {}

    record Objective(String metric, String direction, String epoch) {

        JobSpec.ObjectiveSpec spec() {
            return new JobSpec.ObjectiveSpec(metric, DirectionJson.parse(direction), epoch);
        }
    }

    /** The job's objectives, in order: {@code "objective"}'s one, or {@code "objectives"}' list. */
    static List<Objective> objectives(SpecNode root, String task, boolean taskKnown, int classes, boolean imageLabels) {
        Optional<List<SpecNode>> list = several(root);
        if (list.isEmpty()) {
            return List.of(
                    objective(root, root.object("objective", false), task, taskKnown, classes, imageLabels, false));
        }
        List<Objective> objectives = new ArrayList<>();
        for (int i = 0; i < list.get().size(); i++) {
            SpecNode node = list.get().get(i);
            if (i > 0 && node.has("epoch")) {
                node.error(
                        "epoch", "only the first objective chooses the kept epoch; the others are read at that epoch");
            }
            node.string("metric", true);
            objectives.add(objective(node, Optional.of(node), task, taskKnown, classes, imageLabels, i > 0));
        }
        distinct(root, objectives);
        return objectives;
    }

    /** An external job's objectives: whatever the client measures, each with its direction. */
    static List<Objective> externalObjectives(SpecNode root) {
        Optional<List<SpecNode>> list = several(root);
        if (list.isEmpty()) {
            return root.object("objective", true)
                    .map(o -> List.of(externalObjective(o)))
                    .orElse(List.of());
        }
        List<Objective> objectives =
                list.get().stream().map(ObjectiveRules::externalObjective).toList();
        distinct(root, objectives);
        return objectives;
    }

    /**
     * Reads {@code "objectives"} when present; refuses it beside {@code "objective"}, and a list
     * of one (which is {@code "objective"}).
     */
    private static Optional<List<SpecNode>> several(SpecNode root) {
        if (!root.has("objectives")) {
            return Optional.empty();
        }
        if (root.has("objective")) {
            root.error(
                    "objectives",
                    "cannot be given beside \"objective\": use \"objective\" for one objective, or list them all in"
                            + " \"objectives\"");
            return Optional.empty();
        }
        Optional<List<SpecNode>> list = root.objects("objectives", 2, MAX_OBJECTIVES);
        if (list.isEmpty() && root.errors().stream().noneMatch(e -> e.field().startsWith("objectives"))) {
            root.error("objectives", "must have 2 to " + MAX_OBJECTIVES + " entries");
        }
        return list.isEmpty() ? Optional.of(List.of()) : list;
    }

    private static void distinct(SpecNode root, List<Objective> objectives) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < objectives.size(); i++) {
            String metric = objectives.get(i).metric();
            if (!metric.isEmpty() && !seen.add(metric)) {
                root.error(
                        "objectives[" + i + "].metric",
                        "repeats \"" + metric + "\": each objective must be a different metric");
            }
        }
    }

    /**
     * One DL4J objective read from {@code node} (absent: the task's default metric), its errors
     * reported on {@code at} as {@code objective.metric} (or {@code objectives[i].metric}).
     *
     * @param classes the target's distinct values (classification), to refuse val_auc beyond two classes
     * @param imageLabels an image GAN with a label column: only it reports its classifier's metrics
     */
    private static Objective objective(
            SpecNode at,
            Optional<SpecNode> node,
            String task,
            boolean taskKnown,
            int classes,
            boolean imageLabels,
            boolean costAllowed) {
        String prefix = node.map(n -> n == at ? "" : "objective.").orElse("objective.");
        node.ifPresent(o -> o.rejectUnknown(Set.of("metric", "direction", "epoch")));
        List<String> metrics = costAllowed ? recorded(task) : ObjectiveMetrics.names(task);
        String requested = node.flatMap(o -> o.string("metric", false)).orElse("");
        if (!costAllowed && ObjectiveMetrics.hasCost(task) && ObjectiveMetrics.COST.contains(requested)) {
            at.error(
                    prefix + "metric",
                    requested + " is measured once per trial, not per epoch, so it cannot pick the kept epoch: list"
                            + " it after a per-epoch metric in \"objectives\" (or bound it in \"constraints\")");
            return new Objective(requested, "minimize", "best");
        }
        String metric =
                node.flatMap(o -> o.string("metric", false)).orElse(ObjectiveMetrics.defaultMetric(task, imageLabels));
        if (!imageLabels && ObjectiveMetrics.IMAGE_CLASSIFIER.contains(metric)) {
            at.error(
                    prefix + "metric",
                    metric + " is measured by a classifier of real images: it needs a gan with model.input and"
                            + " a label column in \"target\"; use val_mmd or val_c2st");
        }
        if (taskKnown && !metrics.contains(metric)) {
            at.error(prefix + "metric", "must be one of " + metrics + " for " + task + ", but was \"" + metric + "\"");
            return new Objective(metric, "maximize", "best");
        }
        if (ObjectiveMetrics.TWO_CLASSES.contains(metric) && classes > 2) {
            at.error(
                    prefix + "metric",
                    metric + " is defined for two classes, but the target has " + classes
                            + "; use val_f1, val_accuracy or val_loss");
        }
        boolean natural = Boolean.TRUE.equals(ObjectiveMetrics.maximized(task, metric));
        String naturalDirection = natural ? "maximize" : "minimize";
        String direction =
                node.flatMap(o -> o.choice("direction", false, DIRECTIONS)).orElse(naturalDirection);
        if (taskKnown && !direction.equals(naturalDirection)) {
            at.error(
                    prefix + "direction",
                    metric + " is better when " + (natural ? "larger" : "smaller") + ", so direction must be "
                            + naturalDirection + ", but was " + direction);
        }
        String epoch = node.flatMap(o -> o.choice("epoch", false, List.of("best", "last")))
                .orElse("best");
        return new Objective(metric, direction, epoch);
    }

    /** Every metric a DL4J trial of {@code task} records: its per-epoch metrics and, where measured, its cost. */
    static List<String> recorded(String task) {
        List<String> all = new ArrayList<>(ObjectiveMetrics.names(task));
        if (ObjectiveMetrics.hasCost(task)) {
            all.addAll(ObjectiveMetrics.COST);
        }
        return all;
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
