package dev.orderflow.contracts.inventory;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Reply to {@link CommitStock}: the order holds no stock to commit.
 *
 * @param reservationStatus what became of the reservation
 */
@MessageType("inventory.commit-refused")
@RegisterForReflection
public record StockCommitRefused(String orderId, Status reservationStatus) {

    @RegisterForReflection
    public enum Status {
        /** inventory never saw a reservation for the order */
        NONE,
        /** the stock was refused ({@link StockRejected}) */
        REJECTED,
        /** the saga released the stock before committing it */
        RELEASED,
        /** the stock was held past its time-to-live, and given back */
        EXPIRED
    }
}
