package dev.anneal.api.problem;

/**
 * One thing wrong with a request, as listed in a problem's {@code errors} member.
 *
 * @param field path of the offending field, such as {@code searchSpace.learningRate.min}
 * @param message what must hold, and what was found
 */
public record FieldError(String field, String message) {}
