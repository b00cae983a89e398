package dev.orderflow.common.rest;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/**
 * A resource with every kind of failure a service resource can have, for {@link ProblemMapperTest}; open to anyone, as
 * it is about errors, not callers.
 */
@Path("/test/widgets")
@PermitAll
public class WidgetTestResource {

    public record Widget(@NotBlank String name, @NotNull @Min(1) @Max(1000) Integer quantity, @Valid List<Part> parts) {
    }

    public record Part(@NotBlank String sku) {
    }

    @POST
    public Widget create(@Valid @NotNull Widget widget) {
        return widget;
    }

    public enum Colour {
        RED,
        BLUE
    }

    @GET
    public List<Widget> list(@QueryParam("size") @Min(1) @Max(100) int size, @QueryParam("colour") Colour colour) {
        return List.of();
    }

    @GET
    @Path("{name}")
    public Widget get(String name) {
        throw ProblemException.notFound("No widget named " + name);
    }

    @GET
    @Path("broken/now")
    public Widget broken() {
        throw new IllegalStateException("internal detail that must not leak");
    }
}
