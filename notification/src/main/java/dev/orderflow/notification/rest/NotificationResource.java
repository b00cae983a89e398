package dev.orderflow.notification.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orderflow.common.rest.Page;
import dev.orderflow.common.rest.PageRequest;
import dev.orderflow.common.rest.QueryParams;
import dev.orderflow.common.security.Callers;
import dev.orderflow.common.security.Roles;
import dev.orderflow.notification.NotificationStatus;
import dev.orderflow.notification.service.NotificationQueries;
import io.smallrye.mutiny.Uni;

@Path("/notifications")
@Tag(name = "Notifications", description = "What customers and operators were told, one notification per event: a "
        + "customer reads their own (another customer's notification answers 404, as one that does not exist), an "
        + "operator all")
@RolesAllowed({ Roles.CUSTOMER, Roles.OPERATOR })
public class NotificationResource {

    private final NotificationQueries queries;
    private final Callers callers;

    public NotificationResource(NotificationQueries queries, Callers callers) {
        this.queries = queries;
        this.callers = callers;
    }

    @GET
    @Operation(summary = "List notifications, newest first", description = "A customer's listing has their own "
            + "notifications only; naming another customer in customerId, it is empty.")
    public Uni<Page<NotificationView>> list(
            @Parameter(description = "Only this customer's notifications") @QueryParam("customerId") @Size(max = 200) String customerId,
            @Parameter(description = "Only the notifications of this order") @QueryParam("orderId") @Size(max = 200) String orderId,
            @Parameter(description = "Only notifications of this event type (order.confirmed, inventory.low-stock...)") @QueryParam("type") @Size(max = 100) String type,
            @Parameter(description = "Only notifications in this status") @QueryParam("status") NotificationStatus status,
            @BeanParam @Valid PageRequest paging) {
        return queries.list(callers.current(), QueryParams.nonBlank(customerId), QueryParams.nonBlank(orderId),
                QueryParams.nonBlank(type),
                status, paging.page, paging.size).map(found -> found.map(NotificationView::of));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a notification")
    @APIResponse(responseCode = "404", description = "No such notification, or another customer's")
    public Uni<NotificationView> get(String id) {
        return queries.get(callers.current(), id).map(NotificationView::of);
    }
}
