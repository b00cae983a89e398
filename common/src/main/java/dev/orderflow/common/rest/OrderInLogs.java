package dev.orderflow.common.rest;

import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.orderflow.common.tracing.Traces;

/**
 * Names the order a request is about, for every log line the request writes and on its span: the {@code orderId}
 * path parameter ({@code /orders/{orderId}}, {@code /reservations/{orderId}}) or query parameter
 * ({@code /payments?orderId=}). Placing an order names its order once the id is made ({@code OrderService}).
 */
public class OrderInLogs {

    @ServerRequestFilter
    public void nameTheOrder(UriInfo uri) {
        String orderId = uri.getPathParameters().getFirst(Traces.ORDER_ID);
        Traces.aboutOrder(orderId != null ? orderId : uri.getQueryParameters().getFirst(Traces.ORDER_ID));
    }
}
