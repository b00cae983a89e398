package dev.orderflow.contracts.order;

import java.time.Instant;
import java.util.List;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Event: the order is cancelled and everything it took is given back.
 *
 * @param reason OUT_OF_STOCK, UNKNOWN_PRODUCT, CARD_DECLINED, INSUFFICIENT_FUNDS, AMOUNT_LIMIT_EXCEEDED,
 *        INVALID_PAYMENT_METHOD, UNSUPPORTED_DESTINATION, INVALID_ADDRESS, TIMEOUT, CUSTOMER_CANCELLED...
 * @param detail what the failing step said, for people
 */
@MessageType("order.cancelled")
@RegisterForReflection
public record OrderCancelled(String orderId, String customerId, String customerEmail, List<OrderLine> items, String reason,
        String detail, Instant at) {
}
