package dev.anneal.api.job;

import dev.anneal.db.job.JobExecution;
import dev.anneal.spec.Execution;
import dev.anneal.spec.JobSpec;
import dev.anneal.spec.PrunerSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the spec of an external (ask/tell) job. */
record ExternalJobParser(SearchRules searchRules, WarmStarts warmStarts) {

    /**
     * An external job: the client evaluates each trial, so there is nothing to train on and the
     * objective is whatever the client measures, with a direction it must state.
     */
    ParsedJob parse(SpecNode root, long project) {
        for (String field : root.fieldNames()) {
            if (JobSpecParser.DL4J_ONLY.contains(field)) {
                root.error(
                        field,
                        "is not used by external jobs (execution \"external\"): the client evaluates each trial;"
                                + " remove it, or use execution \"dl4j\"");
            } else if (!JobSpecParser.COMMON.contains(field)) {
                root.error(
                        field,
                        "is not a known field of external jobs; known fields are " + List.copyOf(JobSpecParser.COMMON));
            }
        }
        SearchRules.Search search = searchRules.search(root, null);
        List<ObjectiveRules.Objective> objectives = ObjectiveRules.externalObjectives(root);
        ObjectiveRules.Objective objective = objectives.isEmpty() ? null : objectives.get(0);
        List<JobSpec.ConstraintSpec> constraints = ConstraintRules.parse(root, null);
        WarmStart warmStart = objective == null || objectives.size() > 1
                ? WarmStart.NONE
                : warmStarts.parse(root, search, objective, project);
        Map<String, String> tags = JobTags.parse(root);
        Optional<PrunerSpec> pruner = PrunerSpecParser.parse(root, null);
        pruner.ifPresent(p -> TradeOffRules.check(root, objectives, p));
        String name = SpecDefaults.name(root, objective == null ? "external" : objective.metric() + "-external");
        String description = SpecDefaults.description(root);

        if (!root.errors().isEmpty()) {
            throw JobSpecParser.invalid(root.errors());
        }
        JobSpec spec = CommonParts.of(name, description, search, objectives, constraints, warmStart, pruner.get(), tags)
                .spec(Execution.EXTERNAL, null, null, null, null, null, null, null);
        return ParsedJob.of(spec, JobExecution.EXTERNAL, null);
    }
}
