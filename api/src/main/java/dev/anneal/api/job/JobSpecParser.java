package dev.anneal.api.job;

import dev.anneal.api.limits.LimitsProperties;
import dev.anneal.api.problem.ApiProblem;
import dev.anneal.api.problem.FieldError;
import dev.anneal.api.problem.ProblemTypes;
import dev.anneal.db.dataset.DatasetContentStore;
import dev.anneal.db.dataset.DatasetRepository;
import dev.anneal.db.job.JobRepository;
import dev.anneal.spec.JobSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a submitted job spec into a {@link JobSpec}, every default filled in, or one 400 problem
 * whose {@code errors} name each field; nothing is written for a rejected spec. This class holds
 * the spec's structure (which fields each execution has) and puts the pieces together; the
 * rules live with their concern: {@link DatasetChecks} (target, task, features),
 * {@link ModelSpecParser} (model family and shapes), {@link SearchRules} and
 * {@link SearchSpaceParser} (space, sampler, seed, trial limits), {@link ObjectiveRules},
 * {@link ValidationSpecParser}, {@link PrunerSpecParser}, {@link WarmStartParser},
 * {@link ModelBudget} and {@link SpecDefaults}. The README's job-spec reference documents every
 * rule.
 */
@Component
class JobSpecParser {

    static final String DL4J = "dl4j";
    static final String EXTERNAL = "external";

    /** Fields every job may have. */
    static final Set<String> COMMON = Set.of(
            "name",
            "description",
            "execution",
            "searchSpace",
            "algorithm",
            "objective",
            "objectives",
            "constraints",
            "maxTrials",
            "parallelism",
            "warmStartFrom",
            "initialTrials",
            "tags",
            "pruner");
    /** Fields only DL4J jobs have: what Anneal needs to train a model itself. */
    static final List<String> DL4J_ONLY =
            List.of("dataset", "target", "task", "features", "model", "validation", "preprocessing");

    private static final List<String> EXECUTIONS = List.of(DL4J, EXTERNAL);

    private final Dl4jJobParser dl4j;
    private final ExternalJobParser external;

    JobSpecParser(
            DatasetRepository datasets,
            DatasetContentStore contents,
            JobRepository jobs,
            JsonMapper json,
            LimitsProperties limits) {
        SearchRules searchRules = new SearchRules(new SearchSpaceParser.Limits(
                limits.searchSpace().parameters(), limits.searchSpace().categoricalValues()));
        WarmStarts warmStarts = new WarmStarts(jobs, json);
        this.dl4j =
                new Dl4jJobParser(datasets, contents, json, searchRules, warmStarts, new ModelBudget(limits.model()));
        this.external = new ExternalJobParser(searchRules, warmStarts);
    }

    /**
     * @param project the submitting project: datasets and warm-start jobs are looked up in it
     * @throws ApiProblem (400) listing every problem found
     */
    ParsedJob parse(JsonNode body, long project) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw invalid(List.of(
                    new FieldError("", "the job spec must be a JSON object, but was " + SpecNode.describe(body))));
        }
        SpecNode root = new SpecNode(body, "", errors);
        String execution = root.choice("execution", false, EXECUTIONS).orElse(DL4J);
        if (!errors.isEmpty()) {
            // which other fields are allowed depends on the execution, so report it alone
            throw invalid(errors);
        }
        return EXTERNAL.equals(execution) ? external.parse(root, project) : dl4j.parse(root, project);
    }

    static ApiProblem invalid(List<FieldError> errors) {
        return ApiProblem.badRequest(ProblemTypes.INVALID_JOB_SPEC, "Invalid job spec", errors);
    }
}
