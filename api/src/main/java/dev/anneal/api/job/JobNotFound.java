package dev.anneal.api.job;

import dev.anneal.api.problem.ApiProblem;
import dev.anneal.api.problem.ProblemTypes;

/** The 404 for a job id that does not exist. */
public final class JobNotFound {

    private JobNotFound() {}

    public static ApiProblem of(long jobId) {
        return ApiProblem.notFound(ProblemTypes.JOB_NOT_FOUND, "Job not found", "no job has id " + jobId)
                .with("jobId", jobId);
    }
}
