package dev.anneal.api.web;

import dev.anneal.api.problem.ApiProblem;
import dev.anneal.api.problem.FieldError;
import dev.anneal.api.problem.ProblemTypes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** Checks list-endpoint query parameters and answers 400 with the parameter's name when one is wrong. */
public final class Paging {

    public static final int MAX_PAGE_SIZE = 200;

    private Paging() {}

    public static PageRequest of(int page, int size, Sort sort) {
        List<FieldError> errors = new ArrayList<>();
        if (page < 0) {
            errors.add(new FieldError("page", "must be >= 0, but was " + page));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            errors.add(new FieldError("size", "must be between 1 and " + MAX_PAGE_SIZE + ", but was " + size));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest(ProblemTypes.INVALID_REQUEST, "Invalid request", errors);
        }
        return PageRequest.of(page, size, sort);
    }

    /** An enum constant named by a query parameter, case-insensitively; empty when the parameter is absent. */
    public static <E extends Enum<E>> Optional<E> enumParam(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.badRequest(
                    ProblemTypes.INVALID_REQUEST,
                    "Invalid request",
                    List.of(new FieldError(
                            name,
                            "must be one of " + Arrays.toString(type.getEnumConstants()) + ", but was \"" + value
                                    + "\"")));
        }
    }

    public static int bounded(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw ApiProblem.badRequest(
                    ProblemTypes.INVALID_REQUEST,
                    "Invalid request",
                    List.of(new FieldError(name, "must be between " + min + " and " + max + ", but was " + value)));
        }
        return value;
    }
}
