package dev.anneal.tuner.sampler.gp;

import dev.anneal.tuner.pareto.ParetoRanking;
import dev.anneal.tuner.space.UnitSpace;
import dev.anneal.tuner.study.StudyView;
import dev.anneal.tuner.study.TrialView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * The {@code bayesian} algorithm for studies with several objectives or with constraints: one
 * Gaussian process per objective and per constraint (each fitted as {@link GpSampler} fits its
 * one), and an acquisition that respects the trade-off:
 *
 * <ul>
 *   <li>two objectives: log expected hypervolume improvement, exact ({@link LogEhvi2Acquisition}),
 *       over the feasible trials' front, with Optuna's reference point (the worst observed value
 *       of each objective, moved out by a tenth of its magnitude, in the GPs' output scale);
 *   <li>three or four: ParEGO (Knowles 2006): each suggestion draws a random weight vector and
 *       runs log expected improvement on the augmented Chebyshev scalarization of the normalized
 *       objectives, so successive suggestions aim at different parts of the front;
 *   <li>one objective with constraints: log expected improvement over the best feasible value;
 *   <li>constraints, in every case: plus the log probability that each holds ({@link
 *       LogFeasibility}); until a feasible trial exists, that probability alone.
 * </ul>
 *
 * Outputs go through the same standardization and power transform as single-objective values;
 * both are monotone per objective, so they keep who dominates whom. Pending trials join every
 * model at their predicted values (the Kriging believer of {@link GpSampler}) and the front at
 * their predicted point, so parallel suggestions aim elsewhere.
 */
final class TradeOffSearch {

    private static final double PAREGO_RHO = 0.05;
    private static final int INCUMBENTS = 10;

    private final UnitSpace unit;
    private final boolean[] categorical;

    TradeOffSearch(UnitSpace unit, boolean[] categorical) {
        this.unit = unit;
        this.categorical = categorical;
    }

    /** Whether a study needs this search rather than plain expected improvement. */
    static boolean applies(StudyView study) {
        return study.multiObjective()
                || study.trials().stream().anyMatch(t -> !t.constraints().isEmpty());
    }

    /** Completed trials this search can learn from: every objective and constraint known and finite. */
    static List<TrialView> usable(StudyView study) {
        int constraints = study.trials().stream()
                .filter(t -> t.status() == TrialView.Status.COMPLETE)
                .mapToInt(t -> t.constraints().size())
                .max()
                .orElse(0);
        return study.trials().stream()
                .filter(t -> study.losses(t) != null)
                .filter(t -> t.constraints().size() == constraints
                        && t.constraints().stream().allMatch(Double::isFinite))
                .toList();
    }

    /** @return the chosen unit-space point, or null when every candidate was taken */
    double[] suggest(StudyView study, List<TrialView> completed, RandomGenerator rng) {
        int n = completed.size();
        int m = study.directions().size();
        int c = completed.get(0).constraints().size();
        double[][] x = completed.stream().map(t -> unit.encode(t.params())).toArray(double[][]::new);
        double[][] loss = completed.stream().map(study::losses).toArray(double[][]::new);
        double[] violation =
                completed.stream().mapToDouble(TrialView::violation).toArray();
        int[] rank = ParetoRanking.ranks(loss, violation);
        int[] order = IntStream.range(0, n)
                .boxed()
                .sorted(Comparator.comparingInt((Integer i) -> rank[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue)
                .toArray();
        int[] rows = GpSampler.subset(order, GpSampler.POSTERIOR_CAP, rng);
        double[][] xs = GpSampler.rows(x, rows);
        List<double[]> pending = study.trials().stream()
                .filter(t -> t.status() != TrialView.Status.COMPLETE)
                .limit(Math.max(0, GpSampler.POSTERIOR_CAP - rows.length))
                .map(t -> unit.encode(t.params()))
                .toList();

        // objectives: transformed losses (or one ParEGO scalarization), each with its GP
        double[][] outputs;
        if (m <= 2) {
            outputs = new double[m][];
            for (int k = 0; k < m; k++) {
                outputs[k] = PowerTransform.apply(PowerTransform.standardize(column(loss, k)));
            }
        } else {
            outputs = new double[][] {PowerTransform.apply(PowerTransform.standardize(parego(loss, rng)))};
        }
        List<GaussianProcess> objectives = new ArrayList<>();
        for (double[] y : outputs) {
            objectives.add(model(xs, GpSampler.values(y, rows), pending, rng));
        }
        List<GaussianProcess> constraints = new ArrayList<>();
        double[] thresholds = new double[c];
        for (int j = 0; j < c; j++) {
            double[] raw = new double[n];
            for (int i = 0; i < n; i++) {
                raw[i] = completed.get(i).constraints().get(j);
            }
            double[] stats = meanAndStd(raw);
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = (raw[i] - stats[0]) / stats[1];
            }
            thresholds[j] = -stats[0] / stats[1];
            constraints.add(model(xs, GpSampler.values(z, rows), pending, rng));
        }

        int[] feasible = IntStream.range(0, n).filter(i -> violation[i] == 0).toArray();
        Acquisition objective = null;
        if (feasible.length > 0) {
            if (outputs.length == 2) {
                List<double[]> front = new ArrayList<>();
                double[] reference = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
                for (int i : feasible) {
                    front.add(new double[] {outputs[0][i], outputs[1][i]});
                }
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < 2; k++) {
                        reference[k] = Math.max(reference[k], outputs[k][i]);
                    }
                }
                for (int k = 0; k < 2; k++) {
                    reference[k] += Math.max(0.1 * Math.abs(reference[k]), 1e-6);
                }
                for (double[] p : pending) {
                    front.add(new double[] {
                        objectives.get(0).predict(p)[0], objectives.get(1).predict(p)[0]
                    });
                }
                objective = new LogEhvi2Acquisition(
                        objectives.get(0), objectives.get(1), front, reference, categorical.length);
            } else {
                double best = Double.POSITIVE_INFINITY;
                for (int i : feasible) {
                    best = Math.min(best, outputs[0][i]);
                }
                for (double[] p : pending) {
                    best = Math.min(best, objectives.get(0).predict(p)[0]);
                }
                objective = new LogEiAcquisition(objectives.get(0), best, categorical.length);
            }
        }
        Acquisition acquisition =
                c == 0 ? objective : new LogFeasibility(objective, constraints, thresholds, categorical.length);

        // local searches start from a random sample of the front, so they spread along it
        List<Integer> front = new ArrayList<>();
        for (int i = 0; i < order.length && rank[order[i]] == rank[order[0]]; i++) {
            front.add(order[i]);
        }
        for (int i = front.size() - 1; i > 0; i--) {
            java.util.Collections.swap(front, i, rng.nextInt(i + 1));
        }
        List<double[]> incumbents = new ArrayList<>();
        for (int i = 0; i < Math.min(INCUMBENTS, front.size()); i++) {
            incumbents.add(x[front.get(i)]);
        }
        Set<Map<String, Object>> taken = new HashSet<>();
        study.trials().forEach(t -> taken.add(t.params()));
        return new AcquisitionOptimizer(acquisition, unit, categorical).maximize(incumbents, taken, rng);
    }

    /** A GP fitted to (x, y) and conditioned on the pending points at its own predictions. */
    private GaussianProcess model(double[][] x, double[] y, List<double[]> pending, RandomGenerator rng) {
        int[] fitRows =
                IntStream.range(0, Math.min(x.length, GpSampler.FIT_CAP)).toArray();
        KernelHyperparameters h =
                HyperparameterFit.fit(GpSampler.rows(x, fitRows), GpSampler.values(y, fitRows), categorical, rng);
        GaussianProcess gp = GaussianProcess.condition(x, y, categorical, h);
        if (pending.isEmpty()) {
            return gp;
        }
        double[][] allX = Arrays.copyOf(x, x.length + pending.size());
        double[] allY = Arrays.copyOf(y, y.length + pending.size());
        for (int i = 0; i < pending.size(); i++) {
            allX[x.length + i] = pending.get(i);
            allY[x.length + i] = gp.predict(pending.get(i))[0];
        }
        return GaussianProcess.condition(allX, allY, categorical, h);
    }

    /**
     * ParEGO's augmented Chebyshev scalarization with a weight vector drawn uniformly from the
     * simplex: max_k(w_k f_k) + ρ Σ_k w_k f_k, each objective first scaled to [0, 1].
     */
    static double[] parego(double[][] loss, RandomGenerator rng) {
        int m = loss[0].length;
        double[] w = new double[m];
        double total = 0;
        for (int k = 0; k < m; k++) {
            w[k] = -Math.log(1 - rng.nextDouble());
            total += w[k];
        }
        double[] lo = new double[m];
        double[] hi = new double[m];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (double[] l : loss) {
            for (int k = 0; k < m; k++) {
                lo[k] = Math.min(lo[k], l[k]);
                hi[k] = Math.max(hi[k], l[k]);
            }
        }
        double[] s = new double[loss.length];
        for (int i = 0; i < loss.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (int k = 0; k < m; k++) {
                double range = hi[k] - lo[k];
                double f = range > 0 ? (loss[i][k] - lo[k]) / range : 0;
                max = Math.max(max, w[k] / total * f);
                sum += w[k] / total * f;
            }
            s[i] = max + PAREGO_RHO * sum;
        }
        return s;
    }

    private static double[] column(double[][] rows, int k) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rows[i][k];
        }
        return out;
    }

    private static double[] meanAndStd(double[] v) {
        double mean = Arrays.stream(v).average().orElse(0);
        double variance = 0;
        for (double a : v) {
            variance += (a - mean) * (a - mean);
        }
        double std = Math.sqrt(variance / v.length);
        return new double[] {mean, std > 1e-12 ? std : 1};
    }
}
