package dev.anneal.tuner.sampler.nsga2;

import dev.anneal.tuner.sampler.Sampler;
import dev.anneal.tuner.sampler.SamplerContractTest;
import dev.anneal.tuner.space.SearchSpace;

/** The sampler contract with one objective, where NSGA-II is an elitist GA. */
class Nsga2SamplerContractTest extends SamplerContractTest {

    @Override
    protected Sampler newSampler(SearchSpace space) {
        return new Nsga2Sampler(space, 42);
    }

    @Override
    protected Sampler newSampler(SearchSpace space, long jobSeed) {
        return new Nsga2Sampler(space, jobSeed);
    }

    /**
     * 100 rather than 50: at 50 trials (the 16-trial design and two generations) the last 20 of a
     * run told the right direction were 1.8-3.4 times nearer the optimum than when told the wrong
     * one (seeds 0-5), short of the contract's 3; at 100 trials, 4-15 times.
     */
    @Override
    protected int directionTrials() {
        return 100;
    }
}
