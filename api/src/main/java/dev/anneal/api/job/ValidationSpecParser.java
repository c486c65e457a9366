package dev.anneal.api.job;

import dev.anneal.spec.JobSpec.ValidationSpec;
import dev.anneal.spec.ValidationScheme;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
        String fallback = (series ? ValidationScheme.CHRONOLOGICAL : ValidationScheme.HOLDOUT).spelling();
        if (node.isEmpty()) {
            return series ? chronological(DEFAULT_FRACTION, null, rows) : holdout(DEFAULT_FRACTION);
        }
        SpecNode v = node.get();
        List<ValidationScheme> allowed = series
                ? List.of(ValidationScheme.CHRONOLOGICAL)
                : gan ? List.of(ValidationScheme.HOLDOUT) : List.of(ValidationScheme.HOLDOUT, ValidationScheme.KFOLD);
        List<String> types = allowed.stream().map(ValidationScheme::spelling).toList();
        ValidationScheme type =
                ValidationScheme.of(v.choice("type", false, types).orElse(fallback));
        return switch (type) {
            case KFOLD -> {
                v.rejectUnknown(Set.of("type", "folds"));
                int folds = v.integer("folds", false, 2, MAX_FOLDS)
                        .map(Long::intValue)
                        .orElse(DEFAULT_FOLDS);
                yield new ValidationSpec(ValidationScheme.KFOLD, null, folds, null);
            }
            case CHRONOLOGICAL -> {
                v.rejectUnknown(Set.of("type", "fraction", "last"));
                Optional<Long> last = v.integer("last", false, 1, Integer.MAX_VALUE);
                if (last.isPresent() && v.has("fraction")) {
                    v.error("", "give either \"last\" (validation steps) or \"fraction\", not both");
                }
                yield chronological(fraction(v), last.map(Long::intValue).orElse(null), rows);
            }
            case HOLDOUT -> {
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
        return new ValidationSpec(ValidationScheme.HOLDOUT, fraction, null, null);
    }

    private static ValidationSpec chronological(double fraction, Integer last, int rows) {
        int steps = last != null ? last : Math.max(1, (int) Math.round(fraction * rows));
        return new ValidationSpec(ValidationScheme.CHRONOLOGICAL, null, null, steps);
    }
}
