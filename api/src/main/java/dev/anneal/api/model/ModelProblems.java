package dev.anneal.api.model;

import dev.anneal.api.problem.ApiProblem;
import dev.anneal.api.problem.FieldError;
import dev.anneal.api.problem.ProblemTypes;
import dev.anneal.db.job.JobEntity;
import dev.anneal.db.job.JobState;
import java.util.List;

/** The problems of the model endpoints, each saying why and what to do instead. */
final class ModelProblems {

    private ModelProblems() {}

    /** 404: the job exists, but no completed trial of it has a stored model; the detail says why. */
    static ApiProblem notAvailable(JobEntity job) {
        return ApiProblem.notFound(ProblemTypes.MODEL_NOT_AVAILABLE, "Model not available", whyNoModel(job))
                .with("jobId", job.getId())
                .with("state", job.getState().name());
    }

    private static String whyNoModel(JobEntity job) {
        long id = job.getId();
        if (job.isExternal()) {
            return "job " + id + " is an external (ask/tell) job: its models are trained and kept by its client";
        }
        JobState state = job.getState();
        return switch (state) {
            case QUEUED -> "job " + id + " is queued and has no completed trial yet";
            case RUNNING ->
                "job " + id + " is running and has no completed trial yet; try again when one has completed";
            case COMPLETED, FAILED, CANCELLED ->
                "job " + id + " is " + state + " and has no completed trial with a stored model";
        };
    }

    /** 409: samples exist only for GAN jobs and language models. */
    static ApiProblem notAGenerationJob(long jobId) {
        return ApiProblem.conflict(
                        ProblemTypes.NOT_A_GENERATION_JOB,
                        "Not a generation job",
                        "job " + jobId + " predicts a target; only generation (GAN) jobs and language models store"
                                + " generated samples."
                                + " Use /api/v1/jobs/" + jobId + "/predict")
                .with("jobId", jobId);
    }

    /** 409: only an image GAN's samples are pictures. */
    static ApiProblem notAnImageGan(long jobId) {
        return ApiProblem.conflict(
                        ProblemTypes.NOT_AN_IMAGE_GAN,
                        "Not an image GAN",
                        "job " + jobId + " generates table rows (its spec has no model.input), which have no"
                                + " picture; its rows are at /api/v1/jobs/" + jobId + "/best-samples")
                .with("jobId", jobId);
    }

    /** 400: the number of pictured samples is out of range. */
    static ApiProblem invalidCount(int count) {
        return ApiProblem.badRequest(
                ProblemTypes.INVALID_REQUEST,
                "Invalid request",
                List.of(new FieldError(
                        "count", "must be between 1 and " + SamplesPicture.MAX_COUNT + ", but was " + count)));
    }

    /** 409: a GAN generates rows, it has no target to predict. */
    static ApiProblem notASupervisedJob(long jobId) {
        return notASupervisedJob(
                jobId,
                "a generation (GAN) job: it generates rows instead of predicting a target; its best generator's rows");
    }

    /** 409: a language model generates texts, it has no target to predict. */
    static ApiProblem aLanguageModel(long jobId) {
        return notASupervisedJob(
                jobId,
                "a language model: it continues texts instead of predicting a target; texts drawn from its best model");
    }

    private static ApiProblem notASupervisedJob(long jobId, String what) {
        String samples = "/api/v1/jobs/" + jobId + "/best-samples";
        return ApiProblem.conflict(
                        ProblemTypes.NOT_A_SUPERVISED_JOB,
                        "Not a classification or regression job",
                        "job " + jobId + " is " + what + " are at " + samples)
                .with("jobId", jobId)
                .with("samples", samples);
    }

    /** 400 listing every wrong row and column. */
    static ApiProblem invalidRows(List<FieldError> errors) {
        return ApiProblem.badRequest(ProblemTypes.INVALID_REQUEST, "Invalid prediction request", errors);
    }
}
