package dev.anneal.api.job;

import dev.anneal.api.limits.LimitsProperties;
import dev.anneal.spec.ParamValues;
import dev.anneal.tuner.space.CategoricalDistribution;
import dev.anneal.tuner.space.Distribution;
import dev.anneal.tuner.space.FloatDistribution;
import dev.anneal.tuner.space.IntDistribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One searched parameter's distribution as the spec writes it: a float or int range (bounds,
 * log scale, step) or a list of categorical values, with the space's limit on choices.
 */
final class RangeParser {

    static final Set<String> FLOAT_FIELDS = Set.of("type", "min", "max", "log", "step");
    static final Set<String> CATEGORICAL_FIELDS = Set.of("type", "values");

    private RangeParser() {}

    static Optional<Distribution> floatRange(SpecNode p, String name, int errorsBefore) {
        p.rejectUnknown(FLOAT_FIELDS);
        Optional<Double> min = p.number("min", true);
        Optional<Double> max = p.number("max", true);
        boolean log = p.bool("log").orElse(false);
        Optional<Double> step = p.number("step", false);
        if (p.errors().size() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new FloatDistribution(name, min.get(), max.get(), log, step.orElse(null)));
    }

    static Optional<Distribution> intRange(SpecNode p, String name, int errorsBefore) {
        p.rejectUnknown(FLOAT_FIELDS);
        Optional<Long> min = p.integer("min", true, Long.MIN_VALUE / 4, Long.MAX_VALUE / 4);
        Optional<Long> max = p.integer("max", true, Long.MIN_VALUE / 4, Long.MAX_VALUE / 4);
        boolean log = p.bool("log").orElse(false);
        Optional<Long> step = p.integer("step", false, 1, Long.MAX_VALUE / 4);
        if (p.errors().size() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new IntDistribution(name, min.get(), max.get(), log, step.orElse(1L)));
    }

    static Optional<Distribution> categorical(
            SpecNode p, String name, int errorsBefore, SearchSpaceParser.Limits limits) {
        p.rejectUnknown(CATEGORICAL_FIELDS);
        JsonNode values = p.raw("values");
        if (values == null || values.isNull()) {
            p.error("values", "is required");
            return Optional.empty();
        }
        if (!values.isArray()) {
            p.error("values", "must be an array, but was " + SpecNode.describe(values));
            return Optional.empty();
        }
        if (values.size() > limits.categoricalValues()) {
            p.error(
                    "values",
                    "may list at most " + limits.categoricalValues() + " values ("
                            + LimitsProperties.SEARCH_SPACE_CATEGORICAL_VALUES + "), but lists " + values.size());
            return Optional.empty();
        }
        List<Object> choices = new ArrayList<>();
        for (JsonNode v : values) {
            if (!(v.isString() || v.isNumber() || v.isBoolean())) {
                p.error(
                        "values",
                        "must contain only strings, numbers or booleans, but contained " + SpecNode.describe(v));
                return Optional.empty();
            }
            choices.add(ParamValues.scalar(v));
        }
        if (p.errors().size() > errorsBefore) {
            return Optional.empty();
        }
        return Optional.of(new CategoricalDistribution(name, choices));
    }
}
