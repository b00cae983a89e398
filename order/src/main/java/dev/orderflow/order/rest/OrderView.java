package dev.orderflow.order.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.orderflow.common.tracing.Traces;
import dev.orderflow.contracts.order.CancellationReason;
import dev.orderflow.order.Order;
import dev.orderflow.order.OrderStatus;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** An order as the API shows it, with its history and the trace of its saga. */
@RegisterForReflection
public record OrderView(String id, OrderStatus status, CancellationReason cancellationReason, String cancellationDetail,
        String customerId,
        String customerEmail, List<Item> items, Address shippingAddress, BigDecimal total, String currency, String paymentId,
        Shipment shipment, List<HistoryEntry> history, Instant createdAt, Instant updatedAt,
        @Schema(description = "The trace of the order's saga (W3C trace id): its spans in every service, and its log lines "
                + "(mdc.traceId); absent for an order placed before tracing") String traceId) {

    @RegisterForReflection
    public record Item(String sku, int quantity, BigDecimal unitPrice) {
    }

    @RegisterForReflection
    public record Address(String name, String line1, String line2, String city, String postalCode, String country) {
    }

    @RegisterForReflection
    public record Shipment(String shipmentId, String carrier, String trackingNumber, BigDecimal cost,
            LocalDate estimatedDelivery,
            Instant dispatchedAt, Instant deliveredAt) {
    }

    /** One transition: into which status, which saga step did what, and why. */
    @RegisterForReflection
    public record HistoryEntry(Instant at, OrderStatus status, String step, String outcome, String reason) {

        static HistoryEntry of(Order.HistoryEntry entry) {
            return new HistoryEntry(entry.at, entry.status, entry.step, entry.outcome, entry.reason);
        }
    }

    public static OrderView of(Order order) {
        Order.Address address = order.shippingAddress;
        Shipment shipment = order.shipmentId == null ? null
                : new Shipment(order.shipmentId, order.carrier, order.trackingNumber, order.shippingCost,
                        order.estimatedDelivery,
                        order.dispatchedAt, order.deliveredAt);
        return new OrderView(order.id, order.status, order.cancellationReason, order.cancellationDetail, order.customerId,
                order.customerEmail,
                order.items.stream().map(item -> new Item(item.sku, item.quantity, item.unitPrice)).toList(),
                new Address(address.name, address.line1, address.line2, address.city, address.postalCode, address.country),
                order.total, order.currency, order.paymentId, shipment,
                order.history.stream().map(HistoryEntry::of).toList(),
                order.createdAt, order.updatedAt, Traces.traceId(order.traceparent));
    }
}
