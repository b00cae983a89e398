package dev.orderflow.contracts.inventory;

import java.util.List;

import dev.orderflow.contracts.MessageType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Reply to {@link ReserveStock}: nothing is held.
 *
 * @param reason why, for the order as a whole: {@code UNKNOWN_PRODUCT} when any line names an unknown product, else
 *        {@code OUT_OF_STOCK}; {@code RESERVATION_CLOSED} when the order was released before its reservation
 * @param problems the lines that could not be served
 */
@MessageType("inventory.reservation-rejected")
@RegisterForReflection
public record StockRejected(String orderId, Reason reason, List<LineProblem> problems) {

    @RegisterForReflection
    public enum Reason {
        OUT_OF_STOCK,
        UNKNOWN_PRODUCT,
        RESERVATION_CLOSED
    }

    /**
     * A line that could not be served.
     *
     * @param available what was available when the line was refused; null for an unknown product
     */
    @RegisterForReflection
    public record LineProblem(String sku, int requested, Long available, Reason problem) {
    }
}
