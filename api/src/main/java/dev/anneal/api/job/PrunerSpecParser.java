package dev.anneal.api.job;

import dev.anneal.spec.PrunerSpec;
import dev.anneal.spec.catalog.Hyperparameters;
import dev.anneal.tuner.pruner.InvalidPrunerSettingsException;
import dev.anneal.tuner.pruner.PrunerSettings;
import dev.anneal.tuner.pruner.Pruners;
import dev.anneal.tuner.space.CategoricalDistribution;
import dev.anneal.tuner.space.Distribution;
import dev.anneal.tuner.space.FixedValue;
import dev.anneal.tuner.space.IntDistribution;
import dev.anneal.tuner.space.SearchSpace;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a job's {@code pruner} and fills in its defaults: {@code none} when absent. Each
 * type accepts only its own settings, so a setting given to the wrong type is an error rather
 * than silently ignored. The README's job-spec reference documents every rule here.
 */
final class PrunerSpecParser {

    static final int MAX_REDUCTION_FACTOR = 100;
    static final int MAX_WARMUP_STEPS = 1_000_000;

    private static final Map<String, List<String>> SETTINGS = Map.of(
            Pruners.NONE, List.of("type"),
            Pruners.MEDIAN, List.of("type", "warmupTrials", "warmupSteps"),
            Pruners.ASHA, List.of("type", "minEpochs", "reductionFactor"),
            Pruners.HYPERBAND, List.of("type", "minEpochs", "reductionFactor", "maxEpochs"));
    private static final Set<String> ALL =
            Set.of("type", "warmupTrials", "warmupSteps", "minEpochs", "reductionFactor", "maxEpochs");

    private PrunerSpecParser() {}

    /**
     * @param space a DL4J job's search space (where its epochs come from), or null for an
     *     external job or a space that failed validation
     * @return the normalized pruner, or empty when it has errors (added to {@code root})
     */
    static Optional<PrunerSpec> parse(SpecNode root, SearchSpace space) {
        Optional<SpecNode> found = root.object("pruner", false);
        if (found.isEmpty()) {
            return root.has("pruner") ? Optional.empty() : Optional.of(PrunerSpec.NONE);
        }
        SpecNode node = found.get();
        int errorsBefore = node.errors().size();
        Optional<String> type = node.choice("type", true, Pruners.NAMES);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        List<String> allowed = SETTINGS.get(type.get());
        for (String field : node.fieldNames()) {
            if (ALL.contains(field) && !allowed.contains(field)) {
                node.error(field, "is not a setting of pruner " + type.get() + "; its settings are " + allowed);
            } else if (!ALL.contains(field)) {
                node.error(field, "is not a known field; known fields of pruner " + type.get() + " are " + allowed);
            }
        }
        Integer largestEpochs = space == null ? null : largestEpochs(space);
        PrunerSettings settings = settings(node, type.get(), space != null, largestEpochs);
        if (node.errors().size() > errorsBefore) {
            return Optional.empty();
        }
        try {
            Pruners.create(settings, 0);
        } catch (InvalidPrunerSettingsException e) {
            node.error(e.setting(), e.getMessage());
            return Optional.empty();
        }
        if (largestEpochs != null && settings.minEpochs() != null && settings.minEpochs() >= largestEpochs) {
            node.error(
                    "minEpochs",
                    "must be less than the most epochs a trial trains (" + largestEpochs
                            + " in searchSpace.epochs), or no trial is ever pruned; but was " + settings.minEpochs());
            return Optional.empty();
        }
        return Optional.of(PrunerSpec.of(settings));
    }

    private static PrunerSettings settings(SpecNode node, String type, boolean dl4j, Integer largestEpochs) {
        return switch (type) {
            case Pruners.MEDIAN ->
                new PrunerSettings(
                        type,
                        null,
                        null,
                        null,
                        setting(node, "warmupTrials", 0, SearchRules.MAX_TRIALS, Pruners.DEFAULT_WARMUP_TRIALS),
                        setting(node, "warmupSteps", 0, MAX_WARMUP_STEPS, Pruners.DEFAULT_WARMUP_STEPS));
            case Pruners.ASHA -> new PrunerSettings(type, minEpochs(node), reductionFactor(node), null, null, null);
            case Pruners.HYPERBAND -> {
                // a DL4J job's trials never train past its largest epochs; a client's steps are
                // unknown, so an external job must say
                Integer maxEpochs = node.integer("maxEpochs", !dl4j, 1, Hyperparameters.MAX_EPOCHS)
                        .map(Long::intValue)
                        .orElse(largestEpochs);
                yield new PrunerSettings(type, minEpochs(node), reductionFactor(node), maxEpochs, null, null);
            }
            default -> PrunerSettings.NONE;
        };
    }

    private static int minEpochs(SpecNode node) {
        return setting(node, "minEpochs", 1, Hyperparameters.MAX_EPOCHS, Pruners.DEFAULT_MIN_EPOCHS);
    }

    private static int reductionFactor(SpecNode node) {
        return setting(node, "reductionFactor", 2, MAX_REDUCTION_FACTOR, Pruners.DEFAULT_REDUCTION_FACTOR);
    }

    private static int setting(SpecNode node, String field, int min, int max, int fallback) {
        return node.integer(field, false, min, max).map(Long::intValue).orElse(fallback);
    }

    /** The most epochs any trial of a DL4J job can train, from its search space. */
    static int largestEpochs(SearchSpace space) {
        Distribution epochs = space.parameters().get(Hyperparameters.EPOCHS);
        if (epochs instanceof IntDistribution d) {
            return (int) d.high();
        }
        if (epochs instanceof FixedValue f && f.value() instanceof Number n) {
            return n.intValue();
        }
        if (epochs instanceof CategoricalDistribution c) {
            return c.choices().stream()
                    .filter(Number.class::isInstance)
                    .mapToInt(v -> ((Number) v).intValue())
                    .max()
                    .orElse(Hyperparameters.MAX_EPOCHS);
        }
        return ((Number) Hyperparameters.get(Hyperparameters.EPOCHS).defaultValue()).intValue();
    }
}
