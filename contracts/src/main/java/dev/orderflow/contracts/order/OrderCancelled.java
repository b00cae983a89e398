package dev.orderflow.contracts.order;

import java.time.Instant;
import java.util.List;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Event: the order is cancelled and everything it took is given back.
 *
 * @param reason why, for machines: the failing step's reason (inventory: OUT_OF_STOCK, UNKNOWN_PRODUCT,
 *        RESERVATION_CLOSED; payment: CARD_DECLINED, INSUFFICIENT_FUNDS, AMOUNT_LIMIT_EXCEEDED, INVALID_PAYMENT_METHOD,
 *        PAYMENT_CLOSED; shipping: UNSUPPORTED_DESTINATION, INVALID_ADDRESS, SHIPMENT_CLOSED; the commit:
 *        STOCK_&lt;reservation status&gt;, such as STOCK_EXPIRED), or MIXED_CURRENCIES, TIMEOUT (a step never
 *        answered), CUSTOMER_CANCELLED
 * @param detail what the failing step said, for people
 */
@MessageType("order.cancelled")
@RegisterForReflection
public record OrderCancelled(String orderId, String customerId, String customerEmail, List<OrderLine> items, String reason,
        String detail, Instant at) {
}
