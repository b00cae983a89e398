package dev.orderflow.common.rest;

import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses a paging parameter given without a value ({@code ?page=}, {@code ?size=}) with a 400 naming it: JAX-RS would
 * take the blank for the default, and answer a page the client did not ask for. Any other value is checked where the
 * parameter is read ({@link StrictParamConverters}, and its bounds).
 */
@Provider
public class PagingParameters implements ContainerRequestFilter {

    static final List<String> NAMES = List.of("page", "size");

    @Override
    public void filter(ContainerRequestContext request) {
        for (String name : NAMES) {
            List<String> values = request.getUriInfo().getQueryParameters().get(name);
            if (values != null && values.stream().anyMatch(String::isBlank)) {
                throw ProblemException.invalid(name, "must be an integer");
            }
        }
    }
}
