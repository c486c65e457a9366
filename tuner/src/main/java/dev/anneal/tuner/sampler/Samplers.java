package dev.anneal.tuner.sampler;

import dev.anneal.tuner.sampler.gp.GpSampler;
import dev.anneal.tuner.sampler.nsga2.Nsga2Sampler;
import dev.anneal.tuner.sampler.qmc.SobolSampler;
import dev.anneal.tuner.sampler.tpe.TpeSampler;
import dev.anneal.tuner.space.SearchSpace;
import java.util.List;

/** Creates the sampler an algorithm name stands for. */
public final class Samplers {

    /** Algorithm names accepted in job specs, in the order the documentation lists them. */
    public static final List<String> NAMES = List.of("random", "grid", "sobol", "bayesian", "tpe", "nsga2");

    private Samplers() {}

    /**
     * @throws InvalidAlgorithmSettingsException for an unknown algorithm
     * @throws dev.anneal.tuner.space.InvalidSearchSpaceException if the space does not suit it
     */
    public static Sampler create(String algorithm, SearchSpace space) {
        return create(algorithm, space, 0);
    }

    /**
     * @param seed the job's seed, for samplers whose whole sequence depends on it (Sobol's
     *     scramble); per-trial randomness comes from the generator passed to each call
     */
    public static Sampler create(String algorithm, SearchSpace space, long seed) {
        return switch (algorithm) {
            case "random" -> new RandomSampler();
            case "grid" -> new GridSampler(space);
            case "sobol" -> new SobolSampler(space, seed);
            case "bayesian" -> new GpSampler(space, seed);
            case "tpe" -> new TpeSampler();
            case "nsga2" -> new Nsga2Sampler(space, seed);
            default ->
                throw new InvalidAlgorithmSettingsException(
                        "type", "must be one of " + NAMES + ", but was \"" + algorithm + "\"");
        };
    }
}
