package dev.anneal.bench.search;

import dev.anneal.tuner.space.SearchSpace;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** A minimization test function over a search space, with its known minimum. */
record BenchFunction(String name, SearchSpace space, ToDoubleFunction<Map<String, Object>> f, double minimum) {

    double value(Map<String, Object> params) {
        return f.applyAsDouble(params);
    }

    /** Simple regret of a value, clamped at 0 (branin's minimizer evaluates 2e-16 below f*). */
    double regret(double value) {
        return Math.max(0, value - minimum);
    }
}
