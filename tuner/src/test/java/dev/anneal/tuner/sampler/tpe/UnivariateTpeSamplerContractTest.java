package dev.anneal.tuner.sampler.tpe;

import dev.anneal.tuner.sampler.Sampler;
import dev.anneal.tuner.sampler.SamplerContractTest;
import dev.anneal.tuner.space.SearchSpace;

/** The per-parameter mode keeps the same promises as the default joint one. */
class UnivariateTpeSamplerContractTest extends SamplerContractTest {

    @Override
    protected Sampler newSampler(SearchSpace space) {
        return new TpeSampler(TpeSettings.defaults().withMultivariate(false));
    }
}
