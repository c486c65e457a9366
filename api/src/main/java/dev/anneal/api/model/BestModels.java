package dev.anneal.api.model;

import dev.anneal.api.access.ProjectScope;
import dev.anneal.db.job.JobEntity;
import dev.anneal.db.trial.TrialModels;
import dev.anneal.db.trial.TrialModels.BestTrial;
import dev.anneal.db.trial.TrialModels.StoredModel;
import org.springframework.stereotype.Service;

/**
 * Finds the best stored model of one of the caller's jobs. Another project's job answers 404
 * as if it did not exist; a job without a model yet answers 404 model-not-available saying why.
 */
@Service
class BestModels {

    private final ProjectScope scope;
    private final TrialModels models;

    BestModels(ProjectScope scope, TrialModels models) {
        this.scope = scope;
        this.models = models;
    }

    JobEntity job(long jobId) {
        return scope.load(jobId);
    }

    /** The best model with its bytes and samples. */
    StoredModel stored(JobEntity job) {
        return models.best(job.getId()).orElseThrow(() -> ModelProblems.notAvailable(job));
    }

    /** Which trial holds the best model, without reading it. */
    BestTrial bestTrial(JobEntity job) {
        return models.bestTrial(job.getId()).orElseThrow(() -> ModelProblems.notAvailable(job));
    }
}
