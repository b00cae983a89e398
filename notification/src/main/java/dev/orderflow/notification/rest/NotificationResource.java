package dev.orderflow.notification.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orderflow.common.rest.Page;
import dev.orderflow.common.rest.QueryParams;
import dev.orderflow.notification.NotificationStatus;
import dev.orderflow.notification.service.NotificationQueries;
import io.smallrye.mutiny.Uni;

@Path("/notifications")
@Tag(name = "Notifications", description = "What customers and operators were told, one notification per event")
public class NotificationResource {

    private final NotificationQueries queries;

    public NotificationResource(NotificationQueries queries) {
        this.queries = queries;
    }

    @GET
    @Operation(summary = "List notifications, newest first")
    public Uni<Page<NotificationView>> list(
            @Parameter(description = "Only this customer's notifications") @QueryParam("customerId") @Size(max = 200) String customerId,
            @Parameter(description = "Only the notifications of this order") @QueryParam("orderId") @Size(max = 200) String orderId,
            @Parameter(description = "Only notifications of this event type (order.confirmed, inventory.low-stock...)") @QueryParam("type") @Size(max = 100) String type,
            @Parameter(description = "Only notifications in this status") @QueryParam("status") NotificationStatus status,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @Parameter(description = "Page size") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return queries.list(QueryParams.nonBlank(customerId), QueryParams.nonBlank(orderId), QueryParams.nonBlank(type),
                status, page, size).map(found -> found.map(NotificationView::of));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a notification")
    @APIResponse(responseCode = "404", description = "No such notification")
    public Uni<NotificationView> get(String id) {
        return queries.get(id).map(NotificationView::of);
    }
}
