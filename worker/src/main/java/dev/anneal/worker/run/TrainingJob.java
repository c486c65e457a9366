package dev.anneal.worker.run;

import dev.anneal.worker.train.TrainingSpec;

/** What a worker needs to know about a job to train its trials. */
public record TrainingJob(long jobId, String datasetSha256, TrainingSpec spec) {}
