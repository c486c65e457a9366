package dev.anneal.tuner.sampler.nsga2;

import dev.anneal.tuner.sampler.Sampler;
import dev.anneal.tuner.sampler.qmc.SobolSampler;
import dev.anneal.tuner.sampler.qmc.SobolSequence;
import dev.anneal.tuner.space.SearchSpace;
import dev.anneal.tuner.space.UnitSpace;
import dev.anneal.tuner.study.StudyView;
import dev.anneal.tuner.study.TrialView;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * NSGA-II (Deb et al. 2002): a genetic algorithm for trade-offs between objectives, with Deb's
 * constraint domination (a feasible trial beats every infeasible one; infeasible ones compare by
 * total violation). With one objective it is a plain elitist GA.
 *
 * <p>Stateless like every sampler, so generations come from trial numbers: with population size
 * P, trials [0, P) are the initial population and trial n belongs to generation n / P. The initial
 * population is a scrambled Sobol design seeded by the job, which covers the space more evenly
 * than random draws. A later trial is one child bred from that generation's {@link Parents} (the
 * best P completed trials of earlier generations): two binary tournaments by rank and crowding
 * distance pick its parents, and {@link Variation} crosses and mutates them. Each trial is bred
 * with its own random stream, so parallel workers breed the same generation independently; until
 * some trial of an earlier generation has completed (say all failed), trials continue the Sobol
 * design instead.
 *
 * <p>No proposal repeats the parameters of an existing trial, pending ones included: a child
 * that does (integers and categoricals collide easily) is bred again, and after {@link #ATTEMPTS}
 * tries a random point is drawn instead.
 */
public final class Nsga2Sampler implements Sampler {

    /** Children bred, then random points drawn, before giving up on a proposal nobody has taken. */
    static final int ATTEMPTS = 100;

    private final UnitSpace unit;
    private final Nsga2Settings settings;
    private final SobolSequence initialDesign;
    private final Variation variation;

    /** With {@link Nsga2Settings#defaults()}. */
    public Nsga2Sampler(SearchSpace space, long seed) {
        this(space, seed, Nsga2Settings.defaults());
    }

    /** @param seed the job's seed, which scrambles the initial Sobol design */
    public Nsga2Sampler(SearchSpace space, long seed, Nsga2Settings settings) {
        this.unit = new UnitSpace(space);
        SobolSequence.checkDimensions(unit.dimensions());
        this.settings = settings;
        this.initialDesign = unit.dimensions() == 0 ? null : new SobolSequence(unit.dimensions(), seed);
        this.variation = new Variation(unit, settings);
    }

    public Nsga2Settings settings() {
        return settings;
    }

    @Override
    public Optional<Map<String, Object>> sample(StudyView study, int number, RandomGenerator rng) {
        if (unit.dimensions() == 0) {
            return Optional.of(unit.decode(new double[0]));
        }
        Set<Map<String, Object>> taken = new HashSet<>();
        for (TrialView t : study.trials()) {
            taken.add(t.params());
        }
        int population = settings.populationSize();
        int generation = number / population;
        Parents parents = generation == 0 ? null : Parents.of(study, unit, generation * population, population);
        Map<String, Object> proposal;
        if (parents == null || parents.size() == 0) {
            proposal = unit.decode(SobolSampler.toUnitCoordinates(unit, initialDesign.point(number)));
            if (!taken.contains(proposal)) {
                return Optional.of(proposal);
            }
        } else {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                proposal = unit.decode(variation.child(parents.tournament(rng), parents.tournament(rng), rng));
                if (!taken.contains(proposal)) {
                    return Optional.of(proposal);
                }
            }
        }
        // a crowded discrete space: anything not yet taken, or, if nothing turns up, a repeat
        proposal = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            proposal = unit.decode(randomPoint(rng));
            if (!taken.contains(proposal)) {
                break;
            }
        }
        return Optional.of(proposal);
    }

    private double[] randomPoint(RandomGenerator rng) {
        double[] x = new double[unit.dimensions()];
        for (int i = 0; i < x.length; i++) {
            x[i] = unit.isCategorical(i) ? rng.nextInt(unit.choices(i)) : rng.nextDouble();
        }
        return x;
    }
}
