package dev.orderflow.common.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An error response body as RFC 9457 defines it ({@code application/problem+json}), with one extension member:
 * {@code errors}, the input fields that were refused and why.
 *
 * @param type a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title a short summary of the kind of problem
 * @param status the HTTP status code
 * @param detail what went wrong with this request
 * @param instance the request path
 * @param errors the refused input fields, for a request that failed validation
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String ABOUT_BLANK = "about:blank";

    /**
     * One refused input field.
     *
     * @param field where it is in the request: a JSON path such as {@code items[0].quantity}, or a query or path
     *        parameter name
     * @param detail why it was refused
     */
    @RegisterForReflection
    public record FieldError(String field, String detail) {
    }
}
