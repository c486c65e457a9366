package dev.anneal.tuner.sampler;

import dev.anneal.tuner.sampler.tpe.TpeSampler;
import dev.anneal.tuner.space.SearchSpace;
import java.util.List;

/** Creates the sampler an algorithm name stands for. */
public final class Samplers {

    /** Algorithm names accepted in job specs, in the order the documentation lists them. */
    public static final List<String> NAMES = List.of("random", "grid", "tpe");

    private Samplers() {}

    /**
     * @throws InvalidAlgorithmSettingsException for an unknown algorithm
     * @throws dev.anneal.tuner.space.InvalidSearchSpaceException if the space does not suit it
     */
    public static Sampler create(String algorithm, SearchSpace space) {
        return switch (algorithm) {
            case "random" -> new RandomSampler();
            case "grid" -> new GridSampler(space);
            case "tpe" -> new TpeSampler();
            default ->
                throw new InvalidAlgorithmSettingsException(
                        "type", "must be one of " + NAMES + ", but was \"" + algorithm + "\"");
        };
    }
}
