package dev.orderflow.order.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import dev.orderflow.common.rest.Page;
import dev.orderflow.common.rest.PageRequest;
import dev.orderflow.common.security.Callers;
import dev.orderflow.common.security.Roles;
import dev.orderflow.order.OrderStatus;
import dev.orderflow.order.service.OrderService;
import dev.orderflow.order.service.OrderStatusStreams;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@Path("/orders")
@Tag(name = "Orders", description = "Placing orders and following them. A customer places orders for themselves and "
        + "reads, follows and cancels their own: another customer's order answers 404, as one that does not exist. An "
        + "operator reads, follows and cancels any, and places none.")
@RolesAllowed({ Roles.CUSTOMER, Roles.OPERATOR })
public class OrderResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String TRACE_ID = "X-Trace-Id";

    private final OrderService service;
    private final OrderStatusStreams streams;
    private final Callers callers;

    public OrderResource(OrderService service, OrderStatusStreams streams, Callers callers) {
        this.service = service;
        this.streams = streams;
        this.callers = callers;
    }

    @POST
    @RolesAllowed(Roles.CUSTOMER)
    @Operation(summary = "Place an order", description = "Accepted at once; the saga then reserves stock, charges payment and "
            + "schedules shipping. Follow it with GET /orders/{id} or GET /orders/{id}/events. Customers only, for "
            + "themselves: customerId is the token's subject.")
    @APIResponse(responseCode = "202", description = "Accepted, PENDING; Location names the order, X-Trace-Id its trace", headers = {
            @Header(name = "Location", description = "The order", schema = @Schema(implementation = String.class)),
            @Header(name = TRACE_ID, description = "The trace of the order's saga (W3C trace id), as the order's traceId: its "
                    + "spans in every service, and its log lines (mdc.traceId). A traceparent header on the request makes it "
                    + "that trace", schema = @Schema(implementation = String.class)) })
    @APIResponse(responseCode = "400", description = "Invalid order; nothing is stored")
    @APIResponse(responseCode = "403", description = "Not a customer's token, or customerId names another customer; "
            + "nothing is stored")
    @APIResponse(responseCode = "413", description = "The body is larger than orderflow.http.max-body-size (64 KiB)")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request")
    @APIResponse(responseCode = "429", description = "More orders for this customer (the token's subject) than order.rate-limit.per-customer a "
            + "second; nothing is stored; try again after the Retry-After seconds")
    @APIResponse(responseCode = "503", description = "Too many orders under way (order.admission.max-in-flight); nothing is "
            + "stored; try again after the Retry-After seconds")
    public Uni<Response> place(
            @Parameter(description = "Makes retries safe: the same key and body return the first order, for order.idempotency-keys.ttl (24 h by default); after that the key places a new order") @HeaderParam(IDEMPOTENCY_KEY) @Size(min = 1, max = 200) String idempotencyKey,
            @Valid @NotNull PlaceOrder order, UriInfo uri) {
        return service.place(callers.current(), order, idempotencyKey).map(placed -> {
            OrderView view = OrderView.of(placed.order());
            return Response.accepted(view)
                    .location(uri.getAbsolutePathBuilder().path(placed.order().id).build())
                    .header("Idempotent-Replayed", placed.replayed())
                    .header(TRACE_ID, view.traceId())
                    .build();
        });
    }

    @GET
    @Path("{orderId}")
    @Operation(summary = "Get an order, with its history and its trace id")
    @APIResponse(responseCode = "404", description = "No such order, or another customer's")
    public Uni<OrderView> get(String orderId) {
        return service.get(callers.current(), orderId).map(OrderView::of);
    }

    @GET
    @Operation(summary = "List orders, newest first", description = "A customer's listing has their own orders only; "
            + "naming another customer in customerId, it is empty.")
    public Uni<Page<OrderView>> list(
            @Parameter(description = "Only this customer's orders") @QueryParam("customerId") @Size(max = 100) String customerId,
            @Parameter(description = "Only orders in this status") @QueryParam("status") OrderStatus status,
            @BeanParam @Valid PageRequest paging) {
        return service.list(callers.current(), customerId, status, paging.page, paging.size)
                .map(found -> found.map(OrderView::of));
    }

    @POST
    @Path("{orderId}/cancel")
    @Operation(summary = "Cancel an order", description = "Allowed until the order has shipped: what was done is undone, and "
            + "the order ends CANCELLED with reason CUSTOMER_CANCELLED.")
    @APIResponse(responseCode = "202", description = "Cancellation under way (or done)")
    @APIResponse(responseCode = "404", description = "No such order, or another customer's")
    @APIResponse(responseCode = "409", description = "The order has shipped, or was cancelled for another reason")
    public Uni<Response> cancel(String orderId) {
        return service.cancel(callers.current(), orderId).map(order -> Response.accepted(OrderView.of(order)).build());
    }

    @GET
    @Path("{orderId}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Follow an order", description = "Server-sent events: the order's current status, then every "
            + "status it is moved to, short-lived ones (COMPENSATING) included, each with the history entries written "
            + "since the previous event. Changes this instance stores are pushed as they are stored; a change another "
            + "replica stores is sent at the next heartbeat, a ':heartbeat' comment every order.events.heartbeat-interval "
            + "(15 s). The stream ends once the order is DELIVERED or CANCELLED, or after order.events.idle-timeout (5 min) "
            + "without a new status; open it again to go on following.")
    @APIResponse(responseCode = "200", description = "The stream: an event per status, as below, and heartbeat comments", content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = OrderStatusEvent.class)))
    @APIResponse(responseCode = "404", description = "No such order, or another customer's")
    @APIResponse(responseCode = "503", description = "This instance has order.events.max-streams (1000) streams open; "
            + "try again after the Retry-After seconds", headers = @Header(name = "Retry-After", description = "Seconds to wait", schema = @Schema(implementation = Integer.class)))
    @ExistingOrder
    public Multi<OutboundSseEvent> events(String orderId, Sse sse) {
        return streams.follow(orderId).map(update -> update instanceof OrderStatusStreams.StatusChanged changed
                ? sse.newEventBuilder().data(OrderStatusEvent.of(changed)).build()
                : sse.newEventBuilder().comment("heartbeat").build());
    }

}
