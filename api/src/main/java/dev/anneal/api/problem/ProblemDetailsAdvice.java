package dev.anneal.api.problem;

import dev.anneal.api.limits.LimitsProperties;
import dev.anneal.api.limits.RequestBodyTooLarge;
import dev.anneal.db.job.IllegalJobTransitionException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into {@code application/problem+json}: Spring MVC's own (through the base
 * class), ours ({@link ApiProblem} is an {@code ErrorResponse}), and the few framework cases
 * whose default detail would not tell a user what to fix. Anything else is a bug: logged, and
 * answered 500 without internals.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    private final LimitsProperties limits;

    ProblemDetailsAdvice(LimitsProperties limits) {
        this.limits = limits;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestBodyTooLarge tooLarge = causeOfType(ex, RequestBodyTooLarge.class);
        if (tooLarge != null) {
            return handleExceptionInternal(ex, bodyTooLarge(tooLarge), headers, HttpStatus.CONTENT_TOO_LARGE, request);
        }
        String cause = ex.getMostSpecificCause().getMessage();
        String detail = "the request body is not valid JSON" + (cause == null ? "" : ": " + firstLine(cause));
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_JSON, "Malformed JSON", detail);
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        String expected = ex.getRequiredType() == null ? "another type" : describe(ex.getRequiredType());
        ProblemDetail body = ApiProblem.badRequest(
                        ProblemTypes.INVALID_REQUEST,
                        "Invalid request",
                        List.of(new FieldError(name, "must be " + expected + ", but was \"" + ex.getValue() + "\"")))
                .getBody();
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        ProblemDetail body = ApiProblem.badRequest(
                        ProblemTypes.INVALID_REQUEST,
                        "Invalid request",
                        List.of(new FieldError(ex.getParameterName(), "is required")))
                .getBody();
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(
            MissingServletRequestPartException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = ApiProblem.badRequest(
                        ProblemTypes.INVALID_REQUEST,
                        "Invalid request",
                        List.of(new FieldError(ex.getRequestPartName(), "is required (a multipart form part)")))
                .getBody();
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail body = problem(
                HttpStatus.PAYLOAD_TOO_LARGE,
                ProblemTypes.PAYLOAD_TOO_LARGE,
                "Upload too large",
                "an upload may be at most " + limits.dataset().uploadSize().toBytes() + " bytes ("
                        + LimitsProperties.DATASET_UPLOAD_SIZE + "), but this one is larger");
        body.setProperty("limit", LimitsProperties.DATASET_UPLOAD_SIZE);
        body.setProperty("maxBytes", limits.dataset().uploadSize().toBytes());
        return handleExceptionInternal(ex, body, headers, HttpStatus.PAYLOAD_TOO_LARGE, request);
    }

    /** A body read past the cap outside a message converter (one that reads the stream itself). */
    @ExceptionHandler(RequestBodyTooLarge.class)
    ResponseEntity<ProblemDetail> requestBodyTooLarge(RequestBodyTooLarge ex) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(bodyTooLarge(ex));
    }

    private static ProblemDetail bodyTooLarge(RequestBodyTooLarge ex) {
        ProblemDetail body = problem(
                HttpStatus.CONTENT_TOO_LARGE,
                ProblemTypes.PAYLOAD_TOO_LARGE,
                "Request body too large",
                RequestBodyTooLarge.detail(ex.maxBytes(), -1));
        body.setProperty("limit", LimitsProperties.REQUEST_BODY);
        body.setProperty("maxBytes", ex.maxBytes());
        return body;
    }

    private static <T extends Throwable> T causeOfType(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    @ExceptionHandler(IllegalJobTransitionException.class)
    ResponseEntity<ProblemDetail> illegalTransition(IllegalJobTransitionException ex) {
        ProblemDetail body = problem(
                HttpStatus.CONFLICT,
                ProblemTypes.JOB_ALREADY_FINISHED,
                "Job already finished",
                "job " + ex.jobId() + " is " + ex.from() + " and cannot become " + ex.to());
        body.setProperty("jobId", ex.jobId());
        body.setProperty("state", ex.from().name());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("Unhandled error answering a request", ex);
        return ResponseEntity.internalServerError()
                .body(problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        ProblemTypes.INTERNAL_ERROR,
                        "Internal error",
                        "the server failed to answer; the error is in its log"));
    }

    private static ProblemDetail problem(HttpStatus status, java.net.URI type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(type);
        body.setTitle(title);
        return body;
    }

    private static String describe(Class<?> type) {
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "an integer";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "a " + type.getSimpleName();
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
