package dev.anneal.api.asktell;

import dev.anneal.api.job.SpecNode;
import dev.anneal.api.problem.ApiProblem;
import dev.anneal.api.problem.FieldError;
import dev.anneal.api.problem.ProblemTypes;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Reads ask/tell request bodies with the job spec's field reader, so errors look the same. */
final class RequestBodies {

    private RequestBodies() {}

    /** The body as an object to read fields from; a 400 if it is anything else. */
    static SpecNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid(List.of(
                    new FieldError("", "the request body must be a JSON object, but was " + SpecNode.describe(body))));
        }
        return new SpecNode(body, "", new ArrayList<>());
    }

    /** Whether the body was left out (or is JSON {@code null}). */
    static boolean absent(JsonNode body) {
        return body == null || body.isNull() || body.isMissingNode();
    }

    /** Throws the 400 listing every problem found while reading {@code node}, if any. */
    static void check(SpecNode node) {
        if (!node.errors().isEmpty()) {
            throw invalid(node.errors());
        }
    }

    private static ApiProblem invalid(List<FieldError> errors) {
        return ApiProblem.badRequest(ProblemTypes.INVALID_REQUEST, "Invalid request", errors);
    }
}
