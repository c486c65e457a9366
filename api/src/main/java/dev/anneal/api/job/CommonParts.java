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
        Map<String, String> tags,
        List<JobSpec.ObjectiveSpec> objectives,
        List<JobSpec.ConstraintSpec> constraints) {

    /** The parts, the first objective being the spec's {@code objective}. */
    static CommonParts of(
            String name,
            String description,
            SearchRules.Search search,
            List<ObjectiveRules.Objective> objectives,
            List<JobSpec.ConstraintSpec> constraints,
            WarmStart warmStart,
            PrunerSpec pruner,
            Map<String, String> tags) {
        List<JobSpec.ObjectiveSpec> specs =
                objectives.stream().map(ObjectiveRules.Objective::spec).toList();
        return new CommonParts(name, description, search, specs.get(0), warmStart, pruner, tags, specs, constraints);
    }

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
                tags,
                objectives,
                constraints);
    }
}
