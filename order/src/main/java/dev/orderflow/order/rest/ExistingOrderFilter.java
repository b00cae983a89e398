package dev.orderflow.order.rest;

import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.orderflow.order.service.OrderService;
import io.smallrye.mutiny.Uni;

/** Answers 404 (as a problem) for an unknown order before an {@link ExistingOrder} endpoint starts. */
public class ExistingOrderFilter {

    private final OrderService orders;

    public ExistingOrderFilter(OrderService orders) {
        this.orders = orders;
    }

    @ExistingOrder
    @ServerRequestFilter
    public Uni<Void> requireOrder(UriInfo uri) {
        return orders.get(uri.getPathParameters().getFirst("orderId")).replaceWithVoid();
    }
}
