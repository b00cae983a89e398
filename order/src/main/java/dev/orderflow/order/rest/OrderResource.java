package dev.orderflow.order.rest;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import dev.orderflow.common.rest.Page;
import dev.orderflow.order.OrderStatus;
import dev.orderflow.order.config.OrderConfig;
import dev.orderflow.order.repository.OrderRepository;
import dev.orderflow.order.service.OrderService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@Path("/orders")
@Tag(name = "Orders", description = "Placing orders and following them")
public class OrderResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final OrderService service;
    private final OrderRepository orders;
    private final OrderConfig.Events config;

    public OrderResource(OrderService service, OrderRepository orders, OrderConfig config) {
        this.service = service;
        this.orders = orders;
        this.config = config.events();
    }

    @POST
    @Operation(summary = "Place an order", description = "Accepted at once; the saga then reserves stock, charges payment and "
            + "schedules shipping. Follow it with GET /orders/{id} or GET /orders/{id}/events.")
    @APIResponse(responseCode = "202", description = "Accepted, PENDING; Location names the order")
    @APIResponse(responseCode = "400", description = "Invalid order; nothing is stored")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request")
    @APIResponse(responseCode = "503", description = "Too many orders under way (order.admission.max-in-flight); nothing is "
            + "stored; try again after the Retry-After seconds")
    public Uni<Response> place(
            @Parameter(description = "Makes retries safe: the same key and body return the first order, for order.idempotency-keys.ttl (24 h by default); after that the key places a new order") @HeaderParam(IDEMPOTENCY_KEY) @Size(min = 1, max = 200) String idempotencyKey,
            @Valid @NotNull PlaceOrder order, UriInfo uri) {
        return service.place(order, idempotencyKey).map(placed -> Response.accepted(OrderView.of(placed.order()))
                .location(uri.getAbsolutePathBuilder().path(placed.order().id).build())
                .header("Idempotent-Replayed", placed.replayed())
                .build());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an order, with its history")
    @APIResponse(responseCode = "404", description = "No such order")
    public Uni<OrderView> get(String id) {
        return service.get(id).map(OrderView::of);
    }

    @GET
    @Operation(summary = "List orders, newest first")
    public Uni<Page<OrderView>> list(
            @Parameter(description = "Only this customer's orders") @QueryParam("customerId") @Size(max = 100) String customerId,
            @Parameter(description = "Only orders in this status") @QueryParam("status") OrderStatus status,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @Parameter(description = "Page size") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.list(customerId, status, page, size).map(found -> found.map(OrderView::of));
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel an order", description = "Allowed until the order has shipped: what was done is undone, and "
            + "the order ends CANCELLED with reason CUSTOMER_CANCELLED.")
    @APIResponse(responseCode = "202", description = "Cancellation under way (or done)")
    @APIResponse(responseCode = "404", description = "No such order")
    @APIResponse(responseCode = "409", description = "The order has shipped, or was cancelled for another reason")
    public Uni<Response> cancel(String id) {
        return service.cancel(id).map(order -> Response.accepted(OrderView.of(order)).build());
    }

    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Follow an order", description = "Server-sent events: the current status, then the status each time "
            + "it is found changed (the order is read every order.events.poll-interval, 250 ms: a status that lasts less, "
            + "such as COMPENSATING, may not be sent); the stream ends when the order is DELIVERED or CANCELLED.")
    @APIResponse(responseCode = "404", description = "No such order")
    @ExistingOrder
    public Multi<OrderStatusEvent> events(String id) {
        AtomicReference<OrderStatus> last = new AtomicReference<>();
        AtomicBoolean ended = new AtomicBoolean();
        return Multi.createBy().concatenating().streams(
                service.get(id).toMulti(),
                Multi.createFrom().ticks().every(config.pollInterval()).onOverflow().drop()
                        .onItem().transformToUniAndConcatenate(tick -> orders.findById(id)))
                // the poll after the one that saw the final status ends the stream
                .select().first(order -> !ended.getAndSet(order.status.isFinal()))
                .select().where(order -> order.status != last.getAndSet(order.status))
                .map(OrderStatusEvent::of);
    }

}
