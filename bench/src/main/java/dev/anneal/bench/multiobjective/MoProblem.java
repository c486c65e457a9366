package dev.anneal.bench.multiobjective;

import dev.anneal.tuner.space.Distribution;
import dev.anneal.tuner.space.FloatDistribution;
import dev.anneal.tuner.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A two-objective minimization problem of {@code ../shared/bench/multiobjective.md}, ported
 * literally: its space ({@code x0, x1, ...} as floats), objectives, constraints (each satisfied
 * when ≤ 0), the reference point and the true front's hypervolume.
 */
record MoProblem(
        String name, SearchSpace space, Objectives f, Constraints c, double[] reference, double trueHypervolume) {

    interface Objectives {
        double[] of(double[] x);
    }

    interface Constraints {
        double[] of(double[] x);
    }

    static List<MoProblem> all() {
        return List.of(zdt1(), dtlz2(), bnh());
    }

    static MoProblem byName(String name) {
        return all().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown problem " + name));
    }

    double[] x(Map<String, Object> params) {
        double[] x = new double[space.parameters().size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = ((Number) params.get("x" + i)).doubleValue();
        }
        return x;
    }

    static MoProblem zdt1() {
        return new MoProblem(
                "zdt1",
                unitCube(5),
                x -> {
                    double f1 = x[0];
                    double mean = 0;
                    for (int i = 1; i < 5; i++) {
                        mean += x[i];
                    }
                    double g = 1 + 9 * mean / 4;
                    return new double[] {f1, g * (1 - Math.sqrt(f1 / g))};
                },
                x -> new double[0],
                new double[] {2, 2},
                3.66666);
    }

    static MoProblem dtlz2() {
        return new MoProblem(
                "dtlz2",
                unitCube(5),
                x -> {
                    double g = 0;
                    for (int i = 1; i < 5; i++) {
                        g += (x[i] - 0.5) * (x[i] - 0.5);
                    }
                    return new double[] {(1 + g) * Math.cos(x[0] * Math.PI / 2), (1 + g) * Math.sin(x[0] * Math.PI / 2)
                    };
                },
                x -> new double[0],
                new double[] {2, 2},
                3.2146);
    }

    static MoProblem bnh() {
        return new MoProblem(
                "bnh",
                SearchSpace.of(
                        new FloatDistribution("x0", 0, 5, false, null), new FloatDistribution("x1", 0, 3, false, null)),
                x -> new double[] {4 * x[0] * x[0] + 4 * x[1] * x[1], (x[0] - 5) * (x[0] - 5) + (x[1] - 5) * (x[1] - 5)
                },
                // feasible iff (x0-5)^2 + x1^2 <= 25 and (x0-8)^2 + (x1+3)^2 >= 7.7
                x -> new double[] {
                    (x[0] - 5) * (x[0] - 5) + x[1] * x[1] - 25,
                    7.7 - ((x[0] - 8) * (x[0] - 8) + (x[1] + 3) * (x[1] + 3))
                },
                new double[] {140, 50},
                5285.03);
    }

    private static SearchSpace unitCube(int d) {
        List<Distribution> axes = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            axes.add(new FloatDistribution("x" + i, 0, 1, false, null));
        }
        return SearchSpace.of(axes.toArray(Distribution[]::new));
    }
}
