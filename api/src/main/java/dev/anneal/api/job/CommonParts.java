package dev.anneal.api.job;

import dev.anneal.spec.Execution;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.PrunerSpec;
import java.util.List;
import java.util.Map;

/** What every job's spec has, whichever execution evaluates it. */
record CommonParts(
        String name,
        String description,
        SearchRules.Search search,
        JobSpec.ObjectiveSpec objective,
        WarmStart warmStart,
        PrunerSpec pruner,
        Map<String, String> tags) {

    /** The spec with the parts only DL4J jobs have ({@code null} for external jobs). */
    JobSpec spec(
            Execution execution,
            String dataset,
            String target,
            String task,
            List<String> features,
            JobSpec.ModelSpec model,
            JobSpec.ValidationSpec validation,
            JobSpec.PreprocessingSpec preprocessing) {
        return new JobSpec(
                name,
                description,
                execution,
                dataset,
                target,
                task,
                features,
                model,
                search.space().space(),
                search.order(),
                search.algorithm(),
                objective,
                validation,
                preprocessing,
                search.maxTrials(),
                search.parallelism(),
                warmStart.jobIds(),
                warmStart.initialTrials(),
                pruner,
                tags);
    }
}
