package dev.orderflow.inventory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orderflow.common.security.Roles;
import dev.orderflow.inventory.service.CatalogueService;
import io.smallrye.mutiny.Uni;

@Path("/reservations")
@Tag(name = "Reservations", description = "The stock each order holds: operators only")
@RolesAllowed(Roles.OPERATOR)
public class ReservationResource {

    private final CatalogueService catalogue;

    public ReservationResource(CatalogueService catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @Path("{orderId}")
    @Operation(summary = "Get an order's reservation")
    @APIResponse(responseCode = "404", description = "Inventory never saw this order")
    public Uni<ReservationView> get(String orderId) {
        return catalogue.reservation(orderId).map(ReservationView::of);
    }
}
