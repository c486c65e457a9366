package dev.anneal.bench.search;

import dev.anneal.tuner.space.CategoricalDistribution;
import dev.anneal.tuner.space.Distribution;
import dev.anneal.tuner.space.FloatDistribution;
import dev.anneal.tuner.space.IntDistribution;
import dev.anneal.tuner.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The public test functions of {@code ../shared/bench/functions.md}, ported literally (the
 * specification says a literal port reproduces the reference to about 1e-12).
 */
final class BenchFunctions {

    private BenchFunctions() {}

    static List<BenchFunction> all() {
        return List.of(branin(), hartmann6(), rosenbrock4(), dlSurrogate());
    }

    static BenchFunction byName(String name) {
        return all().stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown function " + name));
    }

    static BenchFunction branin() {
        SearchSpace space = SearchSpace.of(
                new FloatDistribution("x0", -5, 10, false, null), new FloatDistribution("x1", 0, 15, false, null));
        return new BenchFunction(
                "branin",
                space,
                p -> {
                    double x0 = x(p, "x0");
                    double x1 = x(p, "x1");
                    double pi = Math.PI;
                    double a = 1;
                    double b = 5.1 / (4 * pi * pi);
                    double c = 5 / pi;
                    double r = 6;
                    double s = 10;
                    double t = 1 / (8 * pi);
                    double q = x1 - b * x0 * x0 + c * x0 - r;
                    return a * q * q + s * (1 - t) * Math.cos(x0) + s;
                },
                0.39788735772973838);
    }

    static final double[] ALPHA = {1.0, 1.2, 3.0, 3.2};
    static final double[][] A = {
        {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}
    };
    static final double[][] P = {
        {1312, 1696, 5569, 124, 8283, 5886},
        {2329, 4135, 8307, 3736, 1004, 9991},
        {2348, 1451, 3522, 2883, 3047, 6650},
        {4047, 8828, 8732, 5743, 1091, 381}
    };

    static BenchFunction hartmann6() {
        SearchSpace space = box(6, 0, 1);
        return new BenchFunction(
                "hartmann6",
                space,
                p -> {
                    double sum = 0;
                    for (int i = 0; i < 4; i++) {
                        double inner = 0;
                        for (int j = 0; j < 6; j++) {
                            double d = x(p, "x" + j) - P[i][j] * 1e-4;
                            inner += A[i][j] * d * d;
                        }
                        sum += ALPHA[i] * Math.exp(-inner);
                    }
                    return -sum;
                },
                -3.322368011415515);
    }

    static BenchFunction rosenbrock4() {
        SearchSpace space = box(4, -5, 10);
        return new BenchFunction(
                "rosenbrock4",
                space,
                p -> {
                    double sum = 0;
                    for (int i = 0; i < 3; i++) {
                        double xi = x(p, "x" + i);
                        double next = x(p, "x" + (i + 1));
                        sum += 100 * (next - xi * xi) * (next - xi * xi) + (1 - xi) * (1 - xi);
                    }
                    return sum;
                },
                0);
    }

    static BenchFunction dlSurrogate() {
        SearchSpace space = SearchSpace.of(
                new FloatDistribution("lr", 1e-5, 1e-1, true, null),
                new CategoricalDistribution("batch_size", List.of(16L, 32L, 64L, 128L, 256L)),
                new IntDistribution("epochs", 1, 50, false, 1),
                new FloatDistribution("dropout", 0.0, 0.7, false, null),
                new FloatDistribution("weight_decay", 1e-6, 1e-2, true, null));
        return new BenchFunction(
                "dl_surrogate",
                space,
                p -> {
                    double u = Math.log10(x(p, "lr"));
                    double s = Math.log(x(p, "batch_size")) / Math.log(2) - 6;
                    double v = Math.log10(x(p, "weight_decay"));
                    double e = x(p, "epochs");
                    double d = x(p, "dropout");
                    double uOpt = -2.0 + 0.35 * s;
                    double tLr = 0.6 * (1 - Math.exp(-(u - uOpt) * (u - uOpt) / (2 * 0.75 * 0.75)));
                    double k = Math.pow(2, -0.5 * s);
                    double tUnder = 0.3 * Math.exp(-e * k / 4);
                    double tOver = 0.002 * e;
                    double tNoise = 0.01 * Math.pow(2, -s);
                    double dOpt = 0.5 * e / (e + 15);
                    double tDrop = 0.6 * (d - dOpt) * (d - dOpt);
                    double vOpt = -4.8 - 1.5 * d;
                    double tWd = 0.015 * (v - vOpt) * (v - vOpt);
                    return 0.02 + tLr + tUnder + tOver + tNoise + tDrop + tWd;
                },
                0.06705532375680273);
    }

    private static SearchSpace box(int dims, double low, double high) {
        List<Distribution> d = new ArrayList<>();
        for (int i = 0; i < dims; i++) {
            d.add(new FloatDistribution("x" + i, low, high, false, null));
        }
        return SearchSpace.of(d.toArray(Distribution[]::new));
    }

    private static double x(Map<String, Object> p, String name) {
        return ((Number) p.get(name)).doubleValue();
    }
}
