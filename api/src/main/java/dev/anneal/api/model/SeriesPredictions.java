package dev.anneal.api.model;

import dev.anneal.api.problem.ApiProblem;
import dev.anneal.api.problem.ProblemTypes;
import org.springframework.http.HttpStatus;

/**
 * Predictions of time-series (forecasting) models: not supported yet. This is the one place
 * that refuses them; replace it when forecasting from a window of recent steps is implemented.
 */
final class SeriesPredictions {

    static final String LAYOUT = "series";

    private SeriesPredictions() {}

    /** 422: the request is well formed, but this kind of model cannot answer it yet. */
    static ApiProblem unsupported(long jobId) {
        return new ApiProblem(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        ProblemTypes.PREDICTION_NOT_SUPPORTED,
                        "Prediction not supported",
                        "job " + jobId + " is a time-series forecasting job; predictions of forecasting models are"
                                + " not supported yet. Download the model from /api/v1/jobs/" + jobId
                                + "/best-model to use it yourself")
                .with("jobId", jobId);
    }
}
