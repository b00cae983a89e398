package dev.orderflow.contracts.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Event: stock held and sold, payment captured, shipping booked. */
@MessageType("order.confirmed")
@RegisterForReflection
public record OrderConfirmed(String orderId, String customerId, String customerEmail, List<OrderLine> items, BigDecimal total,
        BigDecimal shippingCost, String currency, String carrier, LocalDate estimatedDelivery, Instant at) {
}
