package dev.anneal.api.trial;

import dev.anneal.api.problem.ApiProblem;
import dev.anneal.api.problem.ProblemTypes;

/** The 404 for a trial number a job does not have. */
public final class TrialNotFound {

    private TrialNotFound() {}

    public static ApiProblem of(long jobId, int number) {
        return ApiProblem.notFound(
                        ProblemTypes.TRIAL_NOT_FOUND,
                        "Trial not found",
                        "job " + jobId + " has no trial number " + number)
                .with("jobId", jobId)
                .with("trialNumber", number);
    }
}
