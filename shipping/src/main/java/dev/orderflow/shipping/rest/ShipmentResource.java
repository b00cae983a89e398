package dev.orderflow.shipping.rest;

import java.util.Arrays;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orderflow.common.rest.Page;
import dev.orderflow.common.rest.PageRequest;
import dev.orderflow.common.rest.ProblemException;
import dev.orderflow.common.rest.QueryParams;
import dev.orderflow.common.security.Callers;
import dev.orderflow.common.security.Roles;
import dev.orderflow.shipping.ShipmentStatus;
import dev.orderflow.shipping.service.CarrierUpdates;
import dev.orderflow.shipping.service.ShipmentQueries;
import io.smallrye.mutiny.Uni;

@Path("/shipments")
@Tag(name = "Shipments", description = "The parcels of the orders, and what their carriers report: a customer reads "
        + "their own (another customer's shipment answers 404, as one that does not exist), an operator all; only a "
        + "carrier reports a shipment's progress")
public class ShipmentResource {

    private final ShipmentQueries queries;
    private final CarrierUpdates carrier;
    private final Callers callers;

    public ShipmentResource(ShipmentQueries queries, CarrierUpdates carrier, Callers callers) {
        this.queries = queries;
        this.carrier = carrier;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({ Roles.CUSTOMER, Roles.OPERATOR })
    @Operation(summary = "List shipments, newest first", description = "A customer's listing has their own shipments "
            + "only.")
    public Uni<Page<ShipmentView>> list(
            @Parameter(description = "Only the shipment of this order") @QueryParam("orderId") @Size(max = 200) String orderId,
            @Parameter(description = "Only shipments in this status", schema = @Schema(implementation = ShipmentStatus.class)) @QueryParam("status") String status,
            @BeanParam @Valid PageRequest paging) {
        return queries
                .list(callers.current(), QueryParams.nonBlank(orderId), status(QueryParams.nonBlank(status)), paging.page,
                        paging.size)
                .map(found -> found.map(ShipmentView::of));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.CUSTOMER, Roles.OPERATOR })
    @Operation(summary = "Get a shipment")
    @APIResponse(responseCode = "404", description = "No such shipment, or another customer's")
    public Uni<ShipmentView> get(String id) {
        return queries.get(callers.current(), id).map(ShipmentView::of);
    }

    @PUT
    @Path("{id}/status")
    @RolesAllowed(Roles.CARRIER)
    @Operation(summary = "Report the carrier's progress: dispatched, in transit, delivered", description = "Carriers only. Publishes the matching shipment event before answering, waiting at most 5 s for the broker to confirm it; an event not confirmed by then is published again later, under the same message id. Reporting the current status again changes nothing.")
    @APIResponse(responseCode = "200", description = "The shipment, in its new status")
    @APIResponse(responseCode = "404", description = "No such shipment")
    @APIResponse(responseCode = "409", description = "The shipment cannot move to this status (backwards, or cancelled or rejected)")
    public Uni<ShipmentView> report(String id, @Valid @NotNull StatusReport report) {
        return carrier.report(id, report.status().toShipmentStatus()).map(ShipmentView::of);
    }

    /** The status named, null for none. */
    private static ShipmentStatus status(String name) {
        if (name == null) {
            return null;
        }
        try {
            return ShipmentStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of " + Arrays.toString(ShipmentStatus.values()));
        }
    }
}
