package dev.anneal.api.job;

import dev.anneal.db.dataset.DatasetEntity;
import dev.anneal.db.job.JobExecution;
import dev.anneal.spec.JobSpec;
import dev.anneal.tuner.space.SearchSpace;
import dev.anneal.tuner.study.Direction;
import java.util.Map;

/**
 * A job spec that passed validation, every default filled in, plus what the service needs
 * beside it.
 *
 * @param dataset what a DL4J job trains on; null for external jobs
 * @param tags labels given at submission, by key
 */
record ParsedJob(
        JobSpec spec,
        String name,
        JobExecution execution,
        DatasetEntity dataset,
        SearchSpace space,
        String algorithm,
        String metric,
        Direction direction,
        int maxTrials,
        int parallelism,
        Map<String, String> tags) {

    static ParsedJob of(JobSpec spec, JobExecution execution, DatasetEntity dataset) {
        return new ParsedJob(
                spec,
                spec.name(),
                execution,
                dataset,
                spec.searchSpace(),
                spec.algorithm().type().spelling(),
                spec.objective().metric(),
                spec.objective().direction(),
                spec.maxTrials(),
                spec.parallelism(),
                spec.tags());
    }
}
