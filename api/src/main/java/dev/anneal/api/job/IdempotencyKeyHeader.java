package dev.anneal.api.job;

import dev.anneal.api.problem.ApiProblem;
import dev.anneal.api.problem.FieldError;
import dev.anneal.api.problem.ProblemTypes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/** The {@code Idempotency-Key} request header of job submissions: its rules and its problems. */
final class IdempotencyKeyHeader {

    static final String NAME = "Idempotency-Key";
    static final int MAX_LENGTH = 255;

    private IdempotencyKeyHeader() {}

    /** The key with the hash of the body it came with; empty when the header is absent. */
    static Optional<JobSubmission.IdempotentRequest> parse(String header, JsonNode body) {
        if (header == null) {
            return Optional.empty();
        }
        if (header.isBlank() || header.length() > MAX_LENGTH) {
            throw ApiProblem.badRequest(
                    ProblemTypes.INVALID_REQUEST,
                    "Invalid request",
                    List.of(new FieldError(
                            NAME, "must be 1 to " + MAX_LENGTH + " characters, but had " + header.length())));
        }
        // the parsed body, not the raw bytes: a retry that re-serializes the same JSON matches
        return Optional.of(new JobSubmission.IdempotentRequest(header, sha256(String.valueOf(body))));
    }

    static ApiProblem reusedWithAnotherBody(String key, long jobId) {
        return new ApiProblem(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        ProblemTypes.IDEMPOTENCY_KEY_REUSED,
                        "Idempotency key reused",
                        "the Idempotency-Key \"" + key + "\" was first used for a different request (job " + jobId
                                + "); use a new key for a new job")
                .with("jobId", jobId);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
