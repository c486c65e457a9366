package dev.anneal.api.problem;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An error the API answers with an RFC 9457 problem. Spring renders it as
 * {@code application/problem+json}; extra members (an {@code errors} list, ids) go in properties.
 */
public class ApiProblem extends ErrorResponseException {

    public ApiProblem(HttpStatus status, URI type, String title, String detail) {
        super(status, problem(status, type, title, detail), null);
    }

    public ApiProblem with(String property, Object value) {
        getBody().setProperty(property, value);
        return this;
    }

    public static ApiProblem badRequest(URI type, String title, List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " problems; see errors";
        return new ApiProblem(HttpStatus.BAD_REQUEST, type, title, detail).with("errors", errors);
    }

    public static ApiProblem notFound(URI type, String title, String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, type, title, detail);
    }

    public static ApiProblem conflict(URI type, String title, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, type, title, detail);
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    @Override
    public String getMessage() {
        return getBody().getTitle() + ": " + getBody().getDetail();
    }
}
