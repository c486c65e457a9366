package dev.anneal.tuner.sampler.nsga2;

import dev.anneal.tuner.pareto.CrowdingDistance;
import dev.anneal.tuner.pareto.ParetoRanking;
import dev.anneal.tuner.space.UnitSpace;
import dev.anneal.tuner.study.StudyView;
import dev.anneal.tuner.study.TrialView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The parent population of one NSGA-II generation, rebuilt from the history on every call: of all
 * completed trials of the earlier generations, the best {@code size} by non-dominated rank (under
 * constraint domination, so every feasible trial beats every infeasible one) and, within the last
 * rank that does not fit whole, by crowding distance, lonelier first. Taking the best of all
 * earlier trials rather than of the previous generation alone is NSGA-II's elitist (μ + λ)
 * replacement without keeping state: the best of the previous parents and their children is the
 * best of everything so far.
 *
 * <p>Failed and pruned trials, completed ones without a usable value for every objective, and
 * trials whose parameters no longer fit the space take no part.
 */
final class Parents {

    private final double[][] x;
    private final int[] rank;
    private final double[] crowding;

    private Parents(double[][] x, int[] rank, double[] crowding) {
        this.x = x;
        this.rank = rank;
        this.crowding = crowding;
    }

    /**
     * @param before trials numbered below this belong to earlier generations
     * @param size how many parents to keep
     */
    static Parents of(StudyView study, UnitSpace unit, int before, int size) {
        List<double[]> xs = new ArrayList<>();
        List<double[]> losses = new ArrayList<>();
        List<Double> violations = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (TrialView t : study.trials()) {
            if (t.number() >= before) {
                continue;
            }
            double[] loss = study.losses(t);
            double[] coordinates = loss == null ? null : encode(t, unit);
            if (coordinates != null) {
                xs.add(coordinates);
                losses.add(loss);
                violations.add(t.violation());
                numbers.add(t.number());
            }
        }
        int n = xs.size();
        double[][] lossRows = losses.toArray(double[][]::new);
        int[] rank = ParetoRanking.ranks(
                lossRows, violations.stream().mapToDouble(Double::doubleValue).toArray());
        double[] crowding = crowdingByRank(lossRows, rank);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                Comparator.<Integer>comparingInt(i -> rank[i])
                        .thenComparingDouble(i -> -crowding[i])
                        .thenComparingInt(numbers::get));
        int kept = Math.min(size, n);
        double[][] px = new double[kept][];
        int[] pr = new int[kept];
        double[] pc = new double[kept];
        for (int k = 0; k < kept; k++) {
            px[k] = xs.get(order[k]);
            pr[k] = rank[order[k]];
            pc[k] = crowding[order[k]];
        }
        return new Parents(px, pr, pc);
    }

    /** Crowding distance of every point within its own front (its rank's points). */
    private static double[] crowdingByRank(double[][] losses, int[] rank) {
        double[] crowding = new double[losses.length];
        int fronts = Arrays.stream(rank).max().orElse(-1) + 1;
        List<List<Integer>> members = new ArrayList<>();
        for (int r = 0; r < fronts; r++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < rank.length; i++) {
            members.get(rank[i]).add(i);
        }
        for (List<Integer> front : members) {
            double[] d = CrowdingDistance.of(front.stream().map(i -> losses[i]).toArray(double[][]::new));
            for (int j = 0; j < d.length; j++) {
                crowding[front.get(j)] = d[j];
            }
        }
        return crowding;
    }

    /** Unit-space coordinates, or null when the trial's parameters do not fit the space. */
    private static double[] encode(TrialView t, UnitSpace unit) {
        try {
            return unit.encode(t.params());
        } catch (IllegalArgumentException | ClassCastException e) {
            return null;
        }
    }

    int size() {
        return x.length;
    }

    /** The parent at {@code i}, parents in order of preference: the best first. */
    double[] get(int i) {
        return x[i];
    }

    int rank(int i) {
        return rank[i];
    }

    /**
     * A binary tournament: two distinct parents drawn at random, the one of lower rank wins, then
     * the one of larger crowding distance, then either at random.
     */
    double[] tournament(RandomGenerator rng) {
        int n = x.length;
        if (n == 1) {
            return x[0];
        }
        int a = rng.nextInt(n);
        int b = rng.nextInt(n - 1);
        if (b >= a) {
            b++;
        }
        boolean coin = rng.nextBoolean();
        if (rank[a] != rank[b]) {
            return x[rank[a] < rank[b] ? a : b];
        }
        if (crowding[a] != crowding[b]) {
            return x[crowding[a] > crowding[b] ? a : b];
        }
        return x[coin ? a : b];
    }
}
