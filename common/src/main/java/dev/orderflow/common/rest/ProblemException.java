package dev.orderflow.common.rest;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.WebApplicationException;

/**
 * A failure the client should hear about as a problem response; services throw it (or return it as a failed Uni)
 * from resources and services, and {@link ProblemMapper} writes it. It is a {@link WebApplicationException}, so that
 * it also keeps its status where JAX-RS would otherwise pick one (parameter conversion).
 */
public class ProblemException extends WebApplicationException {

    private final int status;
    private final String title;
    private final String type;
    private final List<Problem.FieldError> errors;
    private final Duration retryAfter;

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, Problem.ABOUT_BLANK, List.of());
    }

    public ProblemException(int status, String title, String detail, String type, List<Problem.FieldError> errors) {
        this(status, title, detail, type, errors, null);
    }

    private ProblemException(int status, String title, String detail, String type, List<Problem.FieldError> errors,
            Duration retryAfter) {
        super(detail, status);
        this.retryAfter = retryAfter;
        this.status = status;
        this.title = title;
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail);
    }

    /** The caller may not do this (403), although the token is valid and its role may call the endpoint. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    /**
     * The service takes no more of this right now (503): nothing was stored, and the client may try again after
     * {@code retryAfter} (the Retry-After header, in whole seconds).
     */
    public static ProblemException unavailable(String detail, Duration retryAfter) {
        return new ProblemException(503, "Service Unavailable", detail, Problem.ABOUT_BLANK, List.of(), retryAfter);
    }

    /**
     * This client sent more of this than it may (429): nothing was stored, and it may try again after
     * {@code retryAfter} (the Retry-After header, in whole seconds).
     */
    public static ProblemException tooManyRequests(String detail, Duration retryAfter) {
        return new ProblemException(429, "Too Many Requests", detail, Problem.ABOUT_BLANK, List.of(), retryAfter);
    }

    /** A request refused for one input field. */
    public static ProblemException invalid(String field, String detail) {
        return new ProblemException(400, ProblemMapper.INVALID_REQUEST_TITLE, detail, ProblemMapper.INVALID_REQUEST_TYPE,
                List.of(new Problem.FieldError(field, detail)));
    }

    public int status() {
        return status;
    }

    /** When the client may try again, for a 503 or a 429. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    Problem toProblem(String instance) {
        return new Problem(type, title, status, getMessage(), instance, errors);
    }
}
