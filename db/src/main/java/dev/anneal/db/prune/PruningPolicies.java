package dev.anneal.db.prune;

import dev.anneal.db.job.JobSpecs;
import dev.anneal.spec.JobSpec;
import dev.anneal.tuner.pruner.Pruners;
import org.springframework.stereotype.Component;

/**
 * A job's pruning policy, from its stored spec (read through the shared {@link JobSpecs} cache).
 * Jobs stored before pruning existed have no {@code pruner} and get {@code none}.
 */
@Component
public class PruningPolicies {

    private final JobSpecs specs;

    public PruningPolicies(JobSpecs specs) {
        this.specs = specs;
    }

    public PruningPolicy get(long jobId) {
        JobSpec spec = specs.get(jobId).spec();
        var settings = spec.pruner().settings();
        return new PruningPolicy(
                jobId,
                spec.objective().metric(),
                spec.objective().direction(),
                Pruners.create(settings, spec.algorithm().seed()),
                !settings.isNone());
    }
}
