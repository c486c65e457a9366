package dev.anneal.api.job;

import dev.anneal.spec.JobSpec.ValidationSpec;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a DL4J job's {@code validation}: a holdout fraction, k folds, or (time series only) the
 * last steps of the series. Chronological fractions are turned into a step count here, so every
 * worker validates on the same steps.
 */
final class ValidationSpecParser {

    static final double DEFAULT_FRACTION = 0.2;
    static final int DEFAULT_FOLDS = 5;
    static final int MAX_FOLDS = 20;

    private ValidationSpecParser() {}

    /**
     * @param series whether the job forecasts a time series (only chronological validation fits)
     * @param rows the dataset's row count, to resolve a chronological fraction
     */
    static ValidationSpec parse(SpecNode root, boolean series, boolean gan, int rows) {
        Optional<SpecNode> node = root.object("validation", false);
        String fallback = series ? ValidationSpec.CHRONOLOGICAL : ValidationSpec.HOLDOUT;
        if (node.isEmpty()) {
            return series ? chronological(DEFAULT_FRACTION, null, rows) : holdout(DEFAULT_FRACTION);
        }
        SpecNode v = node.get();
        List<String> types = series
                ? List.of(ValidationSpec.CHRONOLOGICAL)
                : gan ? List.of(ValidationSpec.HOLDOUT) : List.of(ValidationSpec.HOLDOUT, ValidationSpec.KFOLD);
        String type = v.choice("type", false, types).orElse(fallback);
        return switch (type) {
            case ValidationSpec.KFOLD -> {
                v.rejectUnknown(Set.of("type", "folds"));
                int folds = v.integer("folds", false, 2, MAX_FOLDS)
                        .map(Long::intValue)
                        .orElse(DEFAULT_FOLDS);
                yield new ValidationSpec(ValidationSpec.KFOLD, DEFAULT_FRACTION, folds, null);
            }
            case ValidationSpec.CHRONOLOGICAL -> {
                v.rejectUnknown(Set.of("type", "fraction", "last"));
                Optional<Long> last = v.integer("last", false, 1, Integer.MAX_VALUE);
                if (last.isPresent() && v.has("fraction")) {
                    v.error("", "give either \"last\" (validation steps) or \"fraction\", not both");
                }
                yield chronological(fraction(v), last.map(Long::intValue).orElse(null), rows);
            }
            default -> {
                v.rejectUnknown(Set.of("type", "fraction"));
                yield holdout(fraction(v));
            }
        };
    }

    private static double fraction(SpecNode v) {
        Optional<Double> fraction = v.number("fraction", false);
        if (fraction.isPresent() && (fraction.get() < 0.05 || fraction.get() > 0.5)) {
            v.error("fraction", "must be between 0.05 and 0.5, but was " + fraction.get());
            return DEFAULT_FRACTION;
        }
        return fraction.orElse(DEFAULT_FRACTION);
    }

    private static ValidationSpec holdout(double fraction) {
        return new ValidationSpec(ValidationSpec.HOLDOUT, fraction, null, null);
    }

    private static ValidationSpec chronological(double fraction, Integer last, int rows) {
        int steps = last != null ? last : Math.max(1, (int) Math.round(fraction * rows));
        return new ValidationSpec(ValidationSpec.CHRONOLOGICAL, fraction, null, steps);
    }

    static ObjectNode json(ValidationSpec v) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("type", v.type());
        switch (v.type()) {
            case ValidationSpec.KFOLD -> node.put("folds", v.folds());
            case ValidationSpec.CHRONOLOGICAL -> node.put("last", v.last());
            default -> node.put("fraction", v.fraction());
        }
        return node;
    }
}
