package dev.anneal.api.model;

import java.util.List;

/** The predictions of a job's best model, one per requested row, in request order. */
record PredictionResponse(long jobId, long trialId, int trialNumber, List<Prediction> predictions) {}
