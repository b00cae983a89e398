package dev.orderflow.contracts.order;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Event: the order is cancelled and everything it took is given back.
 *
 * @param reason why, for machines; null when missing, or when the sender knows a reason this reader does not (yet): a
 *        subscriber still learns that the order is cancelled
 * @param detail what the failing step said, for people
 */
@MessageType("order.cancelled")
@RegisterForReflection
public record OrderCancelled(String orderId, String customerId, String customerEmail, List<OrderLine> items,
        @JsonFormat(with = JsonFormat.Feature.READ_UNKNOWN_ENUM_VALUES_AS_NULL) CancellationReason reason, String detail,
        Instant at) {
}
