package dev.anneal.tuner.sampler;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The random stream of one trial, derived from the job's seed and the trial number alone. Trial
 * 7 of a job gets the same stream whether it is sampled first or last, alone or beside others.
 */
public final class TrialSeeds {

    private TrialSeeds() {}

    public static RandomGenerator forTrial(long jobSeed, int number) {
        return new SplittableRandom(mix(jobSeed, number));
    }

    /** SplitMix64's finalizer over the pair; neighbouring seeds and numbers give unrelated streams. */
    static long mix(long seed, int number) {
        long z = seed * 0x9E3779B97F4A7C15L + number + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
