package dev.anneal.tuner.sampler.gp;

import dev.anneal.tuner.sampler.Sampler;
import dev.anneal.tuner.sampler.qmc.SobolSampler;
import dev.anneal.tuner.sampler.qmc.SobolSequence;
import dev.anneal.tuner.space.SearchSpace;
import dev.anneal.tuner.space.UnitSpace;
import dev.anneal.tuner.study.Direction;
import dev.anneal.tuner.study.StudyView;
import dev.anneal.tuner.study.TrialView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * Bayesian optimization with a Gaussian process: the {@code bayesian} algorithm.
 *
 * <ol>
 *   <li>The first max(5, ceil(1.5 x dimensions)) trials follow a scrambled Sobol design
 *       (skipped when the study already holds that many results, e.g. from a warm start).
 *   <li>Then each suggestion fits a Matérn-5/2 ARD Gaussian process to the completed trials
 *       (inputs in the unit cube, log-scaled parameters in log space; outputs standardized;
 *       hyperparameters and observation noise by maximum a posteriori), and maximizes log
 *       expected improvement over the mixed space.
 *   <li>Pending trials (queued or running) and failed ones join the model with their predicted
 *       value as a fantasy ("Kriging believer"): the model stays the same, but its uncertainty
 *       collapses where a trial is already under way, so parallel suggestions spread out.
 * </ol>
 *
 * <p>Cost grows with the cube of the history, so beyond {@link #FIT_CAP} observations the
 * hyperparameters are fitted on a subset (the best and a random sample), and beyond
 * {@link #POSTERIOR_CAP} the model conditions on a subset too.
 */
public final class GpSampler implements Sampler {

    /** Observations used to fit hyperparameters at most. */
    public static final int FIT_CAP = 200;
    /** Observations (and fantasies) the posterior conditions on at most. */
    public static final int POSTERIOR_CAP = 500;

    private static final int INCUMBENTS = 5;

    private final UnitSpace unit;
    private final boolean[] categorical;
    private final SobolSequence initialDesign;
    private final int initialTrials;

    public GpSampler(SearchSpace space, long seed) {
        this.unit = new UnitSpace(space);
        SobolSequence.checkDimensions(unit.dimensions());
        int d = unit.dimensions();
        this.categorical = new boolean[d];
        for (int j = 0; j < d; j++) {
            categorical[j] = unit.isCategorical(j);
        }
        this.initialDesign = d == 0 ? null : new SobolSequence(d, seed);
        this.initialTrials = initialDesignSize(d);
    }

    /**
     * Enough space-filling points for a first model, few enough to leave most of a small budget
     * to the model: 2 x dimensions (the textbook rule) spent a third of a 25-trial budget on
     * 5 dimensions without a better model to show for it.
     */
    static int initialDesignSize(int dimensions) {
        return Math.max(5, (int) Math.ceil(1.5 * dimensions));
    }

    @Override
    public Optional<Map<String, Object>> sample(StudyView study, int number, RandomGenerator rng) {
        if (unit.dimensions() == 0) {
            return Optional.of(unit.decode(new double[0]));
        }
        if (TradeOffSearch.applies(study)) {
            List<TrialView> usable = TradeOffSearch.usable(study);
            if (usable.size() < 2 || (number < initialTrials && usable.size() < initialTrials)) {
                return Optional.of(sobolPoint(study, number));
            }
            double[] chosen = new TradeOffSearch(unit, categorical).suggest(study, usable, rng);
            return Optional.of(chosen == null ? sobolPoint(study, number) : unit.decode(chosen));
        }
        List<TrialView> completed = study.trials().stream()
                .filter(t ->
                        t.status() == TrialView.Status.COMPLETE && t.value().isPresent())
                .filter(t -> Double.isFinite(t.value().getAsDouble()))
                .toList();
        if (completed.size() < 2 || (number < initialTrials && completed.size() < initialTrials)) {
            return Optional.of(sobolPoint(study, number));
        }
        double[][] x = completed.stream().map(t -> unit.encode(t.params())).toArray(double[][]::new);
        double[] y = PowerTransform.apply(standardized(completed, study.direction()));
        int[] byValue = IntStream.range(0, y.length)
                .boxed()
                .sorted(Comparator.comparingDouble(i -> y[i]))
                .mapToInt(Integer::intValue)
                .toArray();
        int[] fitRows = subset(byValue, FIT_CAP, rng);
        KernelHyperparameters h = HyperparameterFit.fit(rows(x, fitRows), values(y, fitRows), categorical, rng);
        int[] posteriorRows = subset(byValue, POSTERIOR_CAP, rng);
        GaussianProcess gp =
                GaussianProcess.condition(rows(x, posteriorRows), values(y, posteriorRows), categorical, h);
        Believed believed = withFantasies(gp, rows(x, posteriorRows), values(y, posteriorRows), study, h);

        List<double[]> incumbents = new ArrayList<>();
        for (int i = 0; i < Math.min(INCUMBENTS, byValue.length); i++) {
            incumbents.add(x[byValue[i]]);
        }
        Set<Map<String, Object>> taken = new HashSet<>();
        study.trials().forEach(t -> taken.add(t.params()));
        double best = Math.min(y[byValue[0]], believed.bestPending());
        double[] chosen = new AcquisitionOptimizer(
                        new LogEiAcquisition(believed.gp(), best, categorical.length), unit, categorical)
                .maximize(incumbents, taken, rng);
        return Optional.of(chosen == null ? sobolPoint(study, number) : unit.decode(chosen));
    }

    private Map<String, Object> sobolPoint(StudyView study, int number) {
        return unit.decode(SobolSampler.toUnitCoordinates(unit, initialDesign.point(number)));
    }

    /** Values turned to minimization and standardized. */
    private static double[] standardized(List<TrialView> completed, Direction direction) {
        double[] y = new double[completed.size()];
        double mean = 0;
        for (int i = 0; i < y.length; i++) {
            double v = completed.get(i).value().getAsDouble();
            y[i] = direction == Direction.MAXIMIZE ? -v : v;
            mean += y[i];
        }
        mean /= y.length;
        double variance = 0;
        for (double v : y) {
            variance += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(variance / y.length);
        if (!(std > 1e-12)) {
            std = 1;
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = (y[i] - mean) / std;
        }
        return y;
    }

    /**
     * The model with pending and failed trials added at their predicted values ("Kriging
     * believer"), so their neighbourhoods look explored, and the best value believed for a
     * pending trial: improvement is then sought over what the trials under way are expected to
     * reach, which moves parallel suggestions on instead of circling the same optimum.
     */
    private record Believed(GaussianProcess gp, double bestPending) {}

    private Believed withFantasies(
            GaussianProcess gp, double[][] x, double[] y, StudyView study, KernelHyperparameters h) {
        List<TrialView> others = study.trials().stream()
                .filter(t -> t.status() != TrialView.Status.COMPLETE)
                .limit(Math.max(0, POSTERIOR_CAP - x.length))
                .toList();
        if (others.isEmpty()) {
            return new Believed(gp, Double.POSITIVE_INFINITY);
        }
        List<double[]> fantasies =
                others.stream().map(t -> unit.encode(t.params())).toList();
        double[][] allX = new double[x.length + fantasies.size()][];
        double[] allY = new double[allX.length];
        System.arraycopy(x, 0, allX, 0, x.length);
        System.arraycopy(y, 0, allY, 0, y.length);
        double bestPending = Double.POSITIVE_INFINITY;
        for (int i = 0; i < fantasies.size(); i++) {
            allX[x.length + i] = fantasies.get(i);
            allY[x.length + i] = gp.predict(fantasies.get(i))[0];
            if (others.get(i).status() == TrialView.Status.PENDING) {
                bestPending = Math.min(bestPending, allY[x.length + i]);
            }
        }
        return new Believed(GaussianProcess.condition(allX, allY, categorical, h), bestPending);
    }

    /** All rows if few; else the best quarter of the cap plus a random sample of the rest. */
    static int[] subset(int[] byValue, int cap, RandomGenerator rng) {
        if (byValue.length <= cap) {
            return byValue;
        }
        int best = cap / 4;
        int[] rest = java.util.Arrays.copyOfRange(byValue, best, byValue.length);
        for (int i = 0; i < cap - best; i++) {
            int j = i + rng.nextInt(rest.length - i);
            int t = rest[i];
            rest[i] = rest[j];
            rest[j] = t;
        }
        int[] chosen = new int[cap];
        System.arraycopy(byValue, 0, chosen, 0, best);
        System.arraycopy(rest, 0, chosen, best, cap - best);
        return chosen;
    }

    static double[][] rows(double[][] x, int[] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = x[rows[i]];
        }
        return out;
    }

    static double[] values(double[] y, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = y[rows[i]];
        }
        return out;
    }
}
