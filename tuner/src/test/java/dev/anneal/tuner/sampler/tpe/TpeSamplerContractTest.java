package dev.anneal.tuner.sampler.tpe;

import dev.anneal.tuner.sampler.Sampler;
import dev.anneal.tuner.sampler.SamplerContractTest;
import dev.anneal.tuner.space.SearchSpace;

class TpeSamplerContractTest extends SamplerContractTest {

    @Override
    protected Sampler newSampler(SearchSpace space) {
        return new TpeSampler();
    }
}
