package dev.anneal.tuner.sampler.tpe;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A Parzen (kernel density) estimator over some axes of a unit space: one product kernel per
 * observation plus a broad prior kernel, mixed with Optuna's weights. TPE fits one to the good
 * trials, l(x), and one to the rest, g(x).
 *
 * <p>Kernels follow Optuna 3.1 (widths: {@link Bandwidths}): on a numeric axis a normal truncated to [0, 1] (cell masses on
 * discrete axes), on a categorical axis a distribution that puts extra mass on the observed
 * choice (each choice gets {@code priorWeight / (n + 1)}, the observed one 1 more, normalized).
 * The prior kernel is N(0.5, 1²) on numeric axes and uniform on categorical ones.
 *
 * <p>Everything that does not depend on the point is computed once here, in arrays indexed
 * [axis][kernel], so that {@link #logDensity} is a tight loop without allocation per kernel.
 */
final class ParzenEstimator {

    /** Optuna's default: observations weigh 1, except that past 25 the oldest fade linearly. */
    static final int FLAT_WEIGHTS = 25;

    private final Axis[] axes;
    private final int kernels;
    /** log of each kernel's normalized mixture weight; the prior is the last kernel. */
    private final double[] logWeights;
    /** Cumulative mixture weights, for choosing a kernel. */
    private final double[] cumulative;
    /** Numeric axes: kernel centres and widths. Categorical axes: the observed choice index. */
    private final double[][] mu;

    private final double[][] sigma;
    /**
     * Numeric axes: the part of each kernel's log density that does not depend on the point: minus
     * the log of its mass inside [0, 1] (the truncation), and on continuous axes the normal's own
     * normalizer (without 1/σ when scoring by kernel height, see {@link
     * TpeSettings#normalizedScoring()}).
     */
    private final double[][] offset;
    /**
     * Discrete axes: kernels with the same centre and width share one cell mass per point, so
     * each point computes it once per group. Observations on an axis of k cells have at most k
     * distinct centres, and in joint mode one width, so a long history of integers costs k mass
     * evaluations per point instead of one per trial.
     */
    private final int[][] cellGroup;

    private final double[][] groupMu;
    private final double[][] groupSigma;

    /** Categorical axes: log probability of the observed choice and of any other one. */
    private final double[] logHit;

    private final double[] logMiss;

    /**
     * @param observations one row per observation, one column per axis (categorical: the index)
     * @param axes what each column is
     * @param settings prior weight and bandwidth rule
     */
    ParzenEstimator(double[][] observations, Axis[] axes, TpeSettings settings) {
        this.axes = axes;
        int n = observations.length;
        this.kernels = n + 1;
        this.logWeights = new double[kernels];
        this.cumulative = new double[kernels];
        mixtureWeights(n, settings.priorWeight());
        this.mu = new double[axes.length][];
        this.sigma = new double[axes.length][];
        this.offset = new double[axes.length][];
        this.cellGroup = new int[axes.length][];
        this.groupMu = new double[axes.length][];
        this.groupSigma = new double[axes.length][];
        this.logHit = new double[axes.length];
        this.logMiss = new double[axes.length];
        for (int a = 0; a < axes.length; a++) {
            double[] column = new double[n];
            for (int i = 0; i < n; i++) {
                column[i] = observations[i][a];
            }
            if (axes[a].kind() == Axis.Kind.CATEGORICAL) {
                categorical(a, column, settings.priorWeight());
            } else {
                numeric(a, column, settings);
            }
        }
    }

    /**
     * Optuna's default weights for n observations in trial-number order: all 1 up to 25; beyond,
     * the newest 25 keep 1 and the older ones ramp linearly from 1/n up to 1, so that the
     * estimate follows the search as it moves.
     */
    static double[] observationWeights(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1.0);
        int ramp = n - FLAT_WEIGHTS;
        for (int i = 0; i < ramp; i++) {
            w[i] = ramp == 1 ? 1.0 / n : 1.0 / n + (1 - 1.0 / n) * i / (ramp - 1);
        }
        return w;
    }

    private void mixtureWeights(int n, double priorWeight) {
        double[] w = Arrays.copyOf(observationWeights(n), kernels);
        w[n] = priorWeight;
        double total = 0;
        for (double v : w) {
            total += v;
        }
        double running = 0;
        for (int j = 0; j < kernels; j++) {
            logWeights[j] = Math.log(w[j] / total);
            running += w[j] / total;
            cumulative[j] = running;
        }
        cumulative[kernels - 1] = 1.0;
    }

    private void categorical(int a, double[] column, double priorWeight) {
        int n = column.length;
        double base = priorWeight / (n + 1);
        double row = axes[a].choices() * base + 1;
        mu[a] = Arrays.copyOf(column, kernels);
        logHit[a] = Math.log((base + 1) / row);
        logMiss[a] = Math.log(base / row);
    }

    private void numeric(int a, double[] column, TpeSettings settings) {
        int n = column.length;
        double[] widths;
        if (settings.multivariate()) {
            widths = new double[n];
            double w = Bandwidths.scott(column, axes.length, settings.adaptiveBandwidth());
            Arrays.fill(widths, w);
        } else {
            widths = Bandwidths.neighbours(column, settings.considerEndpoints(), settings.priorCentreInWidths());
        }
        double[] m = Arrays.copyOf(column, kernels);
        double[] s = new double[kernels];
        double[] off = new double[kernels];
        for (int j = 0; j < n; j++) {
            s[j] = Bandwidths.clip(widths[j], n, settings.considerMagicClip());
        }
        m[n] = 0.5;
        s[n] = 1.0;
        boolean continuous = axes[a].kind() == Axis.Kind.CONTINUOUS;
        boolean normalized = settings.normalizedScoring();
        for (int j = 0; j < kernels; j++) {
            off[j] = -Gaussian.logMass(-m[j] / s[j], (1 - m[j]) / s[j]);
            if (continuous) {
                off[j] -= Gaussian.LOG_SQRT_2PI + (normalized ? Math.log(s[j]) : 0);
            }
        }
        mu[a] = m;
        sigma[a] = s;
        offset[a] = off;
        if (axes[a].kind() == Axis.Kind.CELLS) {
            groupKernels(a);
        }
    }

    private void groupKernels(int a) {
        Map<List<Double>, Integer> groups = new HashMap<>();
        int[] group = new int[kernels];
        for (int j = 0; j < kernels; j++) {
            group[j] = groups.computeIfAbsent(List.of(mu[a][j], sigma[a][j]), key -> groups.size());
        }
        double[] gm = new double[groups.size()];
        double[] gs = new double[groups.size()];
        for (int j = 0; j < kernels; j++) {
            gm[group[j]] = mu[a][j];
            gs[group[j]] = sigma[a][j];
        }
        cellGroup[a] = group;
        groupMu[a] = gm;
        groupSigma[a] = gs;
    }

    /** {@code count} points drawn from the mixture: each picks one kernel and draws every axis from it. */
    double[][] sample(RandomGenerator rng, int count) {
        double[][] points = new double[count][axes.length];
        for (int c = 0; c < count; c++) {
            int j = chooseKernel(rng.nextDouble());
            for (int a = 0; a < axes.length; a++) {
                points[c][a] = axes[a].kind() == Axis.Kind.CATEGORICAL
                        ? sampleChoice(rng, a, j)
                        : Gaussian.truncated(rng, mu[a][j], sigma[a][j], 0, 1);
            }
        }
        return points;
    }

    /**
     * {@code count} points whose every axis comes from a kernel chosen for that axis alone: draws
     * from the product of the mixture's marginals, which recombine values that different good
     * trials had.
     */
    double[][] sampleRecombined(RandomGenerator rng, int count) {
        double[][] points = new double[count][axes.length];
        for (int c = 0; c < count; c++) {
            for (int a = 0; a < axes.length; a++) {
                int j = chooseKernel(rng.nextDouble());
                points[c][a] = axes[a].kind() == Axis.Kind.CATEGORICAL
                        ? sampleChoice(rng, a, j)
                        : Gaussian.truncated(rng, mu[a][j], sigma[a][j], 0, 1);
            }
        }
        return points;
    }

    private int chooseKernel(double u) {
        int j = Arrays.binarySearch(cumulative, u);
        return Math.min(kernels - 1, j >= 0 ? j + 1 : -j - 1);
    }

    private int sampleChoice(RandomGenerator rng, int a, int kernel) {
        int choices = axes[a].choices();
        if (kernel == kernels - 1) {
            return rng.nextInt(choices);
        }
        // the kernel is a uniform share (total probability 1 - hit) plus the observed choice
        double hit = Math.exp(logHit[a]) - Math.exp(logMiss[a]);
        return rng.nextDouble() < hit ? (int) mu[a][kernel] : rng.nextInt(choices);
    }

    /**
     * log of the mixture density at {@code x} (categorical coordinates: choice indices), for
     * scoring candidates. Unless {@link TpeSettings#normalizedScoring()}, continuous axes count
     * each kernel by its height, so this is a density only up to kernel-dependent factors.
     */
    double logDensity(double[] x) {
        double[] acc = logWeights.clone();
        int prior = kernels - 1;
        for (int a = 0; a < axes.length; a++) {
            double[] m = mu[a];
            double xa = x[a];
            switch (axes[a].kind()) {
                case CATEGORICAL -> {
                    double hit = logHit[a];
                    double miss = logMiss[a];
                    for (int j = 0; j < prior; j++) {
                        acc[j] += m[j] == xa ? hit : miss;
                    }
                    acc[prior] -= Math.log(axes[a].choices());
                }
                case CONTINUOUS -> {
                    double[] s = sigma[a];
                    double[] off = offset[a];
                    for (int j = 0; j < kernels; j++) {
                        double z = (xa - m[j]) / s[j];
                        acc[j] += off[j] - 0.5 * z * z;
                    }
                }
                case CELLS -> {
                    double lo = axes[a].cellLow(xa);
                    double hi = axes[a].cellHigh(xa);
                    double[] gm = groupMu[a];
                    double[] gs = groupSigma[a];
                    double[] mass = new double[gm.length];
                    for (int g = 0; g < gm.length; g++) {
                        mass[g] = Gaussian.logMass((lo - gm[g]) / gs[g], (hi - gm[g]) / gs[g]);
                    }
                    int[] group = cellGroup[a];
                    double[] off = offset[a];
                    for (int j = 0; j < kernels; j++) {
                        acc[j] += off[j] + mass[group[j]];
                    }
                }
            }
        }
        return logSumExp(acc);
    }

    private static double logSumExp(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            max = Math.max(max, x);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double x : v) {
            // terms e^-40 below the largest change nothing in double precision: skip their exp
            if (x - max > -40) {
                sum += Math.exp(x - max);
            }
        }
        return max + Math.log(sum);
    }
}
