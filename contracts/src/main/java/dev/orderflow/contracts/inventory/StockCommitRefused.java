package dev.orderflow.contracts.inventory;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Reply to {@link CommitStock}: the order holds no stock to commit.
 *
 * @param reservationStatus what became of the reservation: NONE, REJECTED, RELEASED or EXPIRED
 */
@MessageType("inventory.commit-refused")
@RegisterForReflection
public record StockCommitRefused(String orderId, String reservationStatus) {
}
