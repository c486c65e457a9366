package dev.anneal.api.job;

import static dev.anneal.spec.catalog.Hyperparameters.BATCH_NORM;
import static dev.anneal.spec.catalog.Hyperparameters.CONV_BLOCKS;
import static dev.anneal.spec.catalog.Hyperparameters.DENSE_UNITS;
import static dev.anneal.spec.catalog.Hyperparameters.EMBEDDING_SIZE;
import static dev.anneal.spec.catalog.Hyperparameters.FILTERS;
import static dev.anneal.spec.catalog.Hyperparameters.HIDDEN_LAYERS;
import static dev.anneal.spec.catalog.Hyperparameters.KERNEL_SIZE;
import static dev.anneal.spec.catalog.Hyperparameters.LATENT_SIZE;
import static dev.anneal.spec.catalog.Hyperparameters.MAX_LENGTH;
import static dev.anneal.spec.catalog.Hyperparameters.POOLING;
import static dev.anneal.spec.catalog.Hyperparameters.UNITS;
import static dev.anneal.spec.catalog.Hyperparameters.WINDOW;

import dev.anneal.spec.JobSpec;
import dev.anneal.spec.ModelFamilies;
import dev.anneal.spec.catalog.Hyperparameters;
import dev.anneal.spec.catalog.TrialParams;
import dev.anneal.tuner.space.Distribution;
import dev.anneal.tuner.space.IntDistribution;
import dev.anneal.tuner.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where in a DL4J job's search space the largest network lies, for the model budget: every size
 * parameter at its largest value (its default when not searched).
 */
final class LargestPoints {

    private LargestPoints() {}

    /**
     * The points that can hold the largest network: size parameters at their maximum, batch normalization and a
     * second LSTM direction on if they can be, and for a
     * cnn each block count and pooling choice (pooling more blocks shrinks the dense layer).
     */
    static List<TrialParams> of(SearchSpace space, String family) {
        Map<String, Object> base = new LinkedHashMap<>();
        for (String name : List.of(
                HIDDEN_LAYERS,
                UNITS,
                FILTERS,
                KERNEL_SIZE,
                DENSE_UNITS,
                WINDOW,
                LATENT_SIZE,
                MAX_LENGTH,
                EMBEDDING_SIZE)) {
            if (Hyperparameters.get(name).appliesTo(family)) {
                base.put(name, max(space, name));
            }
        }
        for (String flag : List.of(BATCH_NORM, Hyperparameters.BIDIRECTIONAL)) {
            if (Hyperparameters.get(flag).appliesTo(family)) {
                base.put(flag, values(space, flag).contains(Boolean.TRUE));
            }
        }
        if (!ModelFamilies.CNN.equals(family)) {
            return List.of(new TrialParams(base));
        }
        List<TrialParams> points = new ArrayList<>();
        for (Object blocks : values(space, CONV_BLOCKS)) {
            for (Object pooling : values(space, POOLING)) {
                Map<String, Object> point = new LinkedHashMap<>(base);
                point.put(CONV_BLOCKS, blocks);
                point.put(POOLING, pooling);
                points.add(new TrialParams(point));
            }
        }
        return points;
    }

    /** The largest value a numeric parameter takes (its default when not searched). */
    static long max(SearchSpace space, String name) {
        Distribution d = space.parameters().get(name);
        if (d instanceof IntDistribution i) {
            return i.high();
        }
        return values(space, name).stream()
                .filter(Number.class::isInstance)
                .mapToLong(v -> (long) Math.ceil(((Number) v).doubleValue()))
                .max()
                .orElse(((Number) Hyperparameters.get(name).defaultValue()).longValue());
    }

    /** Every value a parameter takes: its choices, its range (small ones only) or its default. */
    private static Set<Object> values(SearchSpace space, String name) {
        Distribution d = space.parameters().get(name);
        if (d == null) {
            return Set.of(Hyperparameters.get(name).defaultValue());
        }
        return new LinkedHashSet<>(d.values());
    }

    /** The point's sizes as the budget's message names them, with the input layout. */
    static String describe(TrialParams point, ModelSpecParser.Model model) {
        String sizes = ModelBudget.SIZES.get(model.type()).stream()
                .filter(n -> point.values().containsKey(n))
                .map(n -> n + " " + point.values().get(n))
                .collect(Collectors.joining(", "));
        if (model.image() != null) {
            JobSpec.ImageShape s = model.image();
            sizes = "input " + s.channels() + "x" + s.height() + "x" + s.width() + ", " + sizes;
        }
        if (model.sequence() != null) {
            sizes = "sequence " + model.sequence().timesteps() + "x"
                    + model.sequence().features() + ", " + sizes;
        }
        return sizes;
    }
}
