package dev.anneal.db.job;

import dev.anneal.spec.JobSpec;

/**
 * A job's stored spec with what identifies its data.
 *
 * @param datasetSha256 the content hash of the job's dataset; {@code null} for external jobs
 */
public record StoredJob(long jobId, String datasetSha256, JobSpec spec) {}
