package dev.anneal.api.job;

import dev.anneal.db.dataset.DatasetEntity;
import dev.anneal.db.job.JobExecution;
import dev.anneal.db.job.ObjectiveDirection;
import dev.anneal.tuner.space.SearchSpace;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * A job spec that passed validation: the canonical JSON stored with the job (every default
 * filled in), plus the parts the service needs typed.
 *
 * @param dataset what a DL4J job trains on; null for external jobs
 * @param tags labels given at submission, by key
 */
record ParsedJob(
        ObjectNode spec,
        String name,
        JobExecution execution,
        DatasetEntity dataset,
        SearchSpace space,
        String algorithm,
        String metric,
        ObjectiveDirection direction,
        int maxTrials,
        int parallelism,
        Map<String, String> tags) {}
