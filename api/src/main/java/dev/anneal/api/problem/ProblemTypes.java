package dev.anneal.api.problem;

import java.net.URI;

/** Stable {@code type} URIs of every problem the API returns; clients may switch on them. */
public final class ProblemTypes {

    private static final String BASE = "https://anneal.dev/problems/";

    public static final URI INVALID_JOB_SPEC = URI.create(BASE + "invalid-job-spec");
    public static final URI INVALID_DATASET = URI.create(BASE + "invalid-dataset");
    public static final URI INVALID_REQUEST = URI.create(BASE + "invalid-request");
    public static final URI MALFORMED_JSON = URI.create(BASE + "malformed-json");
    public static final URI JOB_NOT_FOUND = URI.create(BASE + "job-not-found");
    public static final URI TRIAL_NOT_FOUND = URI.create(BASE + "trial-not-found");
    public static final URI DATASET_NOT_FOUND = URI.create(BASE + "dataset-not-found");
    public static final URI DATASET_NAME_TAKEN = URI.create(BASE + "dataset-name-taken");
    public static final URI JOB_ALREADY_FINISHED = URI.create(BASE + "job-already-finished");
    public static final URI NOT_AN_EXTERNAL_JOB = URI.create(BASE + "not-an-external-job");
    public static final URI MAX_TRIALS_REACHED = URI.create(BASE + "max-trials-reached");
    public static final URI TRIAL_ALREADY_FINISHED = URI.create(BASE + "trial-already-finished");
    public static final URI PAYLOAD_TOO_LARGE = URI.create(BASE + "payload-too-large");
    public static final URI QUOTA_EXCEEDED = URI.create(BASE + "quota-exceeded");
    public static final URI IDEMPOTENCY_KEY_REUSED = URI.create(BASE + "idempotency-key-reused");
    public static final URI UNAUTHORIZED = URI.create(BASE + "unauthorized");
    public static final URI FORBIDDEN = URI.create(BASE + "forbidden");
    public static final URI TOKEN_NOT_FOUND = URI.create(BASE + "token-not-found");
    public static final URI MODEL_NOT_AVAILABLE = URI.create(BASE + "model-not-available");
    public static final URI NOT_A_GENERATION_JOB = URI.create(BASE + "not-a-generation-job");
    public static final URI NOT_A_SUPERVISED_JOB = URI.create(BASE + "not-a-supervised-job");
    public static final URI NOT_AN_IMAGE_GAN = URI.create(BASE + "not-an-image-gan");
    public static final URI TOO_MANY_EVENT_STREAMS = URI.create(BASE + "too-many-event-streams");
    public static final URI INTERNAL_ERROR = URI.create(BASE + "internal-error");

    private ProblemTypes() {}
}
