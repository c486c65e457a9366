package dev.anneal.tuner.sampler.qmc;

import dev.anneal.tuner.sampler.Sampler;
import dev.anneal.tuner.space.SearchSpace;
import dev.anneal.tuner.space.UnitSpace;
import dev.anneal.tuner.study.StudyView;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Quasi-random search: trial {@code n} gets point {@code n} of a scrambled Sobol sequence seeded
 * by the job. Spreads points evenly over the space, so small budgets cover it better than random
 * draws; ignores results.
 */
public final class SobolSampler implements Sampler {

    private final UnitSpace unit;
    private final SobolSequence sequence;

    public SobolSampler(SearchSpace space, long seed) {
        this.unit = new UnitSpace(space);
        SobolSequence.checkDimensions(unit.dimensions());
        this.sequence = unit.dimensions() == 0 ? null : new SobolSequence(unit.dimensions(), seed);
    }

    @Override
    public boolean usesHistory() {
        return false;
    }

    @Override
    public Optional<Map<String, Object>> sample(StudyView study, int number, RandomGenerator rng) {
        if (sequence == null) {
            return Optional.of(unit.decode(new double[0]));
        }
        return Optional.of(unit.decode(toUnitCoordinates(unit, sequence.point(number))));
    }

    /** A point of [0, 1)^d as UnitSpace coordinates: categorical dimensions take the index of their cell. */
    public static double[] toUnitCoordinates(UnitSpace unit, double[] u) {
        double[] x = u.clone();
        for (int i = 0; i < x.length; i++) {
            if (unit.isCategorical(i)) {
                x[i] = Math.min(unit.choices(i) - 1, Math.floor(u[i] * unit.choices(i)));
            }
        }
        return x;
    }
}
