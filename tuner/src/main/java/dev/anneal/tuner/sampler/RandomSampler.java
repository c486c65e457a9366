package dev.anneal.tuner.sampler;

import dev.anneal.tuner.space.Distribution;
import dev.anneal.tuner.study.StudyView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Independent draws from each parameter's distribution. Ignores history: a strong baseline for
 * small budgets and the reference other samplers must beat.
 */
public final class RandomSampler implements Sampler {

    @Override
    public boolean usesHistory() {
        return false;
    }

    @Override
    public Optional<Map<String, Object>> sample(StudyView study, int number, RandomGenerator rng) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (Distribution d : study.space().parameters().values()) {
            params.put(d.name(), d.sample(rng));
        }
        return Optional.of(params);
    }
}
