package dev.anneal.api.job;

import dev.anneal.spec.catalog.Hyperparameter;
import dev.anneal.spec.catalog.Hyperparameters;
import dev.anneal.tuner.space.CategoricalDistribution;
import dev.anneal.tuner.space.Distribution;
import dev.anneal.tuner.space.FloatDistribution;
import dev.anneal.tuner.space.IntDistribution;
import java.util.List;
import java.util.Optional;

/**
 * The rules the hyperparameter catalog sets for a DL4J job's search space: every parameter is
 * one the model family uses, of the catalog's kind, and every value it can take is within the
 * catalog's bounds or choices.
 */
final class CatalogChecks {

    private CatalogChecks() {}

    /** Checks a DL4J hyperparameter's kind and bounds; reports on the most specific field. */
    static boolean fitsCatalog(SpecNode searchSpace, String name, Distribution d, String family) {
        Optional<Hyperparameter> found = Hyperparameters.find(name).filter(h -> h.appliesTo(family));
        if (found.isEmpty()) {
            searchSpace.error(
                    name,
                    "is not a hyperparameter of " + family + " models; known: " + Hyperparameters.namesFor(family));
            return false;
        }
        Hyperparameter h = found.get();
        String path = name;
        if (d instanceof FloatDistribution f) {
            if (h.kind() != Hyperparameter.Kind.FLOAT) {
                searchSpace.error(path + ".type", kindMessage(h));
                return false;
            }
            return inBounds(searchSpace, path + ".min", h, f.low())
                    && inBounds(searchSpace, path + ".max", h, f.high());
        }
        if (d instanceof IntDistribution i) {
            if (h.kind() != Hyperparameter.Kind.INT) {
                searchSpace.error(path + ".type", kindMessage(h));
                return false;
            }
            return inBounds(searchSpace, path + ".min", h, i.low())
                    && inBounds(searchSpace, path + ".max", h, i.high());
        }
        List<Object> values = d.values();
        String field = d instanceof CategoricalDistribution ? path + ".values" : path;
        for (Object v : values) {
            if (!valueFits(h, v)) {
                searchSpace.error(
                        field, kindMessage(h) + ", but " + (values.size() == 1 ? "was " : "one value was ") + show(v));
                return false;
            }
        }
        return true;
    }

    private static boolean valueFits(Hyperparameter h, Object v) {
        return switch (h.kind()) {
            case FLOAT -> v instanceof Number n && h.accepts(n.doubleValue());
            case INT -> v instanceof Long n && h.accepts(n);
            case CHOICE -> v instanceof String s && h.choices().contains(s);
            case BOOLEAN -> v instanceof Boolean;
        };
    }

    private static boolean inBounds(SpecNode searchSpace, String path, Hyperparameter h, double v) {
        if (!h.accepts(v)) {
            searchSpace.error(path, "must be " + h.boundsText() + " for " + h.name() + ", but was " + show(v));
            return false;
        }
        return true;
    }

    private static String kindMessage(Hyperparameter h) {
        return switch (h.kind()) {
            case FLOAT -> h.name() + " takes a number " + h.boundsText() + " (type float or categorical)";
            case INT -> h.name() + " takes a whole number " + h.boundsText() + " (type int or categorical)";
            case CHOICE -> h.name() + " takes one of " + h.choices() + " (type categorical or a fixed string)";
            case BOOLEAN -> h.name() + " takes true or false (type categorical or a fixed boolean)";
        };
    }

    private static String show(Object v) {
        if (v instanceof String s) {
            return "\"" + s + "\"";
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(v);
    }
}
