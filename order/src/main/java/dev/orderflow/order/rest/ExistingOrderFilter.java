package dev.orderflow.order.rest;

import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.orderflow.common.security.Callers;
import dev.orderflow.order.service.OrderService;
import io.smallrye.mutiny.Uni;

/**
 * Answers 404 (as a problem) for an unknown order, or one the caller may not see, before an {@link ExistingOrder}
 * endpoint starts.
 */
public class ExistingOrderFilter {

    private final OrderService orders;
    private final Callers callers;

    public ExistingOrderFilter(OrderService orders, Callers callers) {
        this.orders = orders;
        this.callers = callers;
    }

    @ExistingOrder
    @ServerRequestFilter
    public Uni<Void> requireOrder(UriInfo uri) {
        return orders.get(callers.current(), uri.getPathParameters().getFirst("orderId")).replaceWithVoid();
    }
}
