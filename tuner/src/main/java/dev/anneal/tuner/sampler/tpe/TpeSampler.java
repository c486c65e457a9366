package dev.anneal.tuner.sampler.tpe;

import dev.anneal.tuner.sampler.RandomSampler;
import dev.anneal.tuner.sampler.Sampler;
import dev.anneal.tuner.space.UnitSpace;
import dev.anneal.tuner.study.StudyView;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Tree-structured Parzen Estimator search (Bergstra et al. 2011), following Optuna's TPESampler.
 *
 * <p>Each call splits the finished history into the best gamma(n) trials and the rest, fits a
 * Parzen estimator to each (l(x) to the good ones, g(x) to the others), draws {@link
 * TpeSettings#eiCandidates()} points from l and proposes the one that maximizes l(x)/g(x), which
 * maximizes expected improvement under TPE's model. The first {@link TpeSettings#startupTrials()}
 * trials are random draws. Pending trials count as bad ({@link TrialSplit}), so suggestions
 * made while others run spread out. By default one joint estimator covers all parameters, as
 * with Optuna's {@code multivariate=True}; {@link TpeSettings} lists the settings and the one
 * place the defaults differ from Optuna 3.1.
 *
 * <p>A study of several objectives, or with constraints, splits its history by {@link FrontCut
 * Pareto fronts} and feasibility instead of by value ({@link TrialSplit}); with several objectives
 * the joint estimator's choice is {@link BlendedChoice blended} with per-parameter evidence, under
 * {@link TpeSettings#forSeveralObjectives()}. A single objective without constraints is searched
 * exactly as before multi-objective support.
 *
 * <p>Called by the scheduler once per new trial with the whole history. Keeps no state: the
 * suggestion depends only on {@code study} and {@code rng}, so the same history and trial seed
 * give the same parameters. Works in the {@link UnitSpace} view of the space (log ranges in log
 * space, integers and lattices as cells, categoricals as indices); fixed values are added back on
 * decoding.
 */
public final class TpeSampler implements Sampler {

    private final TpeSettings settings;
    private final RandomSampler startup = new RandomSampler();

    /** With {@link TpeSettings#defaults()}. */
    public TpeSampler() {
        this(TpeSettings.defaults());
    }

    public TpeSampler(TpeSettings settings) {
        this.settings = settings;
    }

    public TpeSettings settings() {
        return settings;
    }

    @Override
    public Optional<Map<String, Object>> sample(StudyView study, int number, RandomGenerator rng) {
        UnitSpace unit = new UnitSpace(study.space());
        if (unit.dimensions() == 0) {
            return Optional.of(unit.decode(new double[0]));
        }
        TrialSplit split = TrialSplit.of(study, unit);
        if (split.finished() < settings.startupTrials()) {
            return startup.sample(study, number, rng);
        }
        Axis[] axes = Axis.of(unit);
        if (study.multiObjective()) {
            TpeSettings several = settings.forSeveralObjectives();
            double[] x = several.multivariate()
                    ? BlendedChoice.best(split.below(), split.above(), axes, several, rng)
                    : perAxis(split, axes, several, rng);
            return Optional.of(unit.decode(x));
        }
        double[] x = settings.multivariate() ? jointly(split, axes, rng) : perAxis(split, axes, settings, rng);
        return Optional.of(unit.decode(x));
    }

    /** Candidates drawn from one estimator over all axes, so values that work together stay together. */
    private double[] jointly(TrialSplit split, Axis[] axes, RandomGenerator rng) {
        return best(split.below(), split.above(), axes, settings, rng);
    }

    /** Optuna's univariate TPE: every axis on its own, with its own estimators and candidates. */
    private static double[] perAxis(TrialSplit split, Axis[] axes, TpeSettings settings, RandomGenerator rng) {
        double[] x = new double[axes.length];
        for (int a = 0; a < axes.length; a++) {
            Axis[] one = {axes[a]};
            x[a] = best(column(split.below(), a), column(split.above(), a), one, settings, rng)[0];
        }
        return x;
    }

    /** The candidate from l with the largest log l(x) - log g(x); ties go to the first drawn. */
    private static double[] best(
            double[][] below, double[][] above, Axis[] axes, TpeSettings settings, RandomGenerator rng) {
        ParzenEstimator good = new ParzenEstimator(below, axes, settings);
        ParzenEstimator bad = new ParzenEstimator(above, axes, settings);
        double[][] candidates = good.sample(rng, settings.eiCandidates());
        double[] best = candidates[0];
        double bestScore = Double.NEGATIVE_INFINITY;
        for (double[] c : candidates) {
            double score = good.logDensity(c) - bad.logDensity(c);
            if (score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    }

    static double[][] column(double[][] rows, int a) {
        double[][] column = new double[rows.length][1];
        for (int i = 0; i < rows.length; i++) {
            column[i][0] = rows[i][a];
        }
        return column;
    }
}
