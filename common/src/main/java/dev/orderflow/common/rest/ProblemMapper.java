package dev.orderflow.common.rest;

import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Writes every error of every service as an RFC 9457 problem ({@code application/problem+json}). Input errors name
 * the refused field; unexpected errors are logged and answered with a 500 that reveals nothing internal.
 */
public class ProblemMapper {

    static final String INVALID_REQUEST_TYPE = "urn:orderflow:problem:invalid-request";
    static final String INVALID_REQUEST_TITLE = "Invalid request";

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(e.toProblem(path(uri)));
        e.retryAfter().ifPresent(wait -> response.getHeaders().putSingle("Retry-After",
                Long.toString(Math.max(1, (wait.toMillis() + 999) / 1000))));
        return response;
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMapper::isReturnValue)) {
            return unexpected(e, uri);
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(violation -> new Problem.FieldError(field(violation.getPropertyPath()), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::detail))
                .toList();
        String detail = String.join("; ", errors.stream().map(error -> error.field() + " " + error.detail()).toList());
        return respond(new Problem(INVALID_REQUEST_TYPE, INVALID_REQUEST_TITLE, 400, detail, path(uri), errors));
    }

    /**
     * No bearer token (401), or one that cannot be trusted: expired, badly signed, from another issuer, unsigned
     * ({@code alg: none}). The answer says which of the two, not why the token was refused.
     */
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        String detail = e instanceof UnauthorizedException
                ? "This request needs a bearer token: Authorization: Bearer <JWT>"
                : "The bearer token is not valid: expired, not signed by the issuer, or not from the issuer";
        Response response = respond(new Problem(Problem.ABOUT_BLANK, "Unauthorized", 401, detail, path(uri), List.of()));
        response.getHeaders().putSingle("WWW-Authenticate", "Bearer");
        return response;
    }

    /** A valid token whose roles do not allow this endpoint. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.ABOUT_BLANK, "Forbidden", 403, "The token's role may not do this", path(uri),
                List.of()));
    }

    /** JSON that does not fit the expected shape: wrong type, unknown enum value... */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        // declared for its own type so that it takes precedence over the built-in mapper of that type
        return unreadableJson(e, uri);
    }

    /** A body that is not JSON, or JSON that does not fit the expected shape. */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonParseException) {
            return respond(new Problem(INVALID_REQUEST_TYPE, INVALID_REQUEST_TITLE, 400,
                    "The request body is not valid JSON: " + e.getOriginalMessage(), path(uri), List.of()));
        }
        String field = e instanceof JsonMappingException mapping ? field(mapping.getPath()) : "";
        String detail = field.isEmpty() ? bodyDetail(e) : fieldDetail(e);
        List<Problem.FieldError> errors = field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, detail));
        return respond(new Problem(INVALID_REQUEST_TYPE, INVALID_REQUEST_TITLE, 400,
                field.isEmpty() ? detail : field + " " + detail, path(uri), errors));
    }

    private static String bodyDetail(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        return message != null && message.startsWith("Trailing token") ? "The request body goes on after its JSON value"
                : "The request body does not have the expected shape";
    }

    private static String fieldDetail(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a field of this request";
        }
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class) {
            return "contains a control character or an unpaired surrogate";
        }
        return "has a value of the wrong type or form";
    }

    /** The JAX-RS errors: unknown path (404), wrong method (405), unsupported media type (415)... */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            // the JSON body reader reports a bad body as a 400 that wraps the parser's exception
            return unreadableJson(json, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return unexpected(e, uri);
        }
        return respond(new Problem(Problem.ABOUT_BLANK, status.getReasonPhrase(), status.getStatusCode(), e.getMessage(),
                path(uri), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.errorf(e, "Unexpected error on %s", path(uri));
        return respond(new Problem(Problem.ABOUT_BLANK, "Internal Server Error", 500,
                "The request could not be completed; the error is logged.", path(uri), List.of()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    private static boolean isReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** {@code create.request.items[0].quantity} becomes {@code items[0].quantity}; a bare parameter keeps its name. */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = "";
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY, CONTAINER_ELEMENT -> {
                    if (node.isInIterable() && node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    } else if (node.isInIterable() && node.getKey() != null) {
                        field.append('[').append(node.getKey()).append(']');
                    }
                    if (node.getName() != null) {
                        field.append(field.isEmpty() ? "" : ".").append(node.getName());
                    }
                }
                default -> {
                }
            }
        }
        return field.isEmpty() ? parameter : field.toString();
    }

    static String field(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
