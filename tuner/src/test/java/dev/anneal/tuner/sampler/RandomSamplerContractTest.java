package dev.anneal.tuner.sampler;

import dev.anneal.tuner.space.SearchSpace;

class RandomSamplerContractTest extends SamplerContractTest {

    @Override
    protected Sampler newSampler(SearchSpace space) {
        return new RandomSampler();
    }
}
