package dev.orderflow.contracts.order;

import dev.orderflow.contracts.inventory.StockCommitRefused;
import dev.orderflow.contracts.inventory.StockRejected;
import dev.orderflow.contracts.payment.PaymentDeclined;
import dev.orderflow.contracts.shipping.ShipmentRejected;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Why an order was cancelled, for machines ({@link OrderCancelled#reason()}): the failing step's reason, or one the
 * saga gives itself. The names are the values on the wire and in the stored orders. Subscribers say each reason in
 * their own words (notification, to the customer), so a new constant needs those words too.
 * <p>
 * A participant's reason maps to one constant here ({@code of}): the switches list every participant's constants, so a
 * reason a participant adds does not compile until it has its cancellation reason.
 */
@RegisterForReflection
public enum CancellationReason {

    // reserving the stock: StockRejected.Reason
    OUT_OF_STOCK,
    UNKNOWN_PRODUCT,
    RESERVATION_CLOSED,

    // charging the payment: PaymentDeclined.Reason
    CARD_DECLINED,
    INSUFFICIENT_FUNDS,
    AMOUNT_LIMIT_EXCEEDED,
    INVALID_PAYMENT_METHOD,
    PAYMENT_CLOSED,

    // scheduling the shipment: ShipmentRejected.Reason
    UNSUPPORTED_DESTINATION,
    INVALID_ADDRESS,
    SHIPMENT_CLOSED,

    // committing the stock: STOCK_ and the StockCommitRefused.Status the reservation was found in
    STOCK_NONE,
    STOCK_REJECTED,
    STOCK_RELEASED,
    STOCK_EXPIRED,

    /** The products are priced in several currencies, and an order is paid in one. */
    MIXED_CURRENCIES,
    /** A step never answered, after its last attempt. */
    TIMEOUT,
    /** The customer cancelled the order. */
    CUSTOMER_CANCELLED;

    public static CancellationReason of(StockRejected.Reason reason) {
        return switch (reason) {
            case OUT_OF_STOCK -> OUT_OF_STOCK;
            case UNKNOWN_PRODUCT -> UNKNOWN_PRODUCT;
            case RESERVATION_CLOSED -> RESERVATION_CLOSED;
        };
    }

    public static CancellationReason of(PaymentDeclined.Reason reason) {
        return switch (reason) {
            case CARD_DECLINED -> CARD_DECLINED;
            case INSUFFICIENT_FUNDS -> INSUFFICIENT_FUNDS;
            case AMOUNT_LIMIT_EXCEEDED -> AMOUNT_LIMIT_EXCEEDED;
            case INVALID_PAYMENT_METHOD -> INVALID_PAYMENT_METHOD;
            case PAYMENT_CLOSED -> PAYMENT_CLOSED;
        };
    }

    public static CancellationReason of(ShipmentRejected.Reason reason) {
        return switch (reason) {
            case UNSUPPORTED_DESTINATION -> UNSUPPORTED_DESTINATION;
            case INVALID_ADDRESS -> INVALID_ADDRESS;
            case SHIPMENT_CLOSED -> SHIPMENT_CLOSED;
        };
    }

    public static CancellationReason of(StockCommitRefused.Status status) {
        return switch (status) {
            case NONE -> STOCK_NONE;
            case REJECTED -> STOCK_REJECTED;
            case RELEASED -> STOCK_RELEASED;
            case EXPIRED -> STOCK_EXPIRED;
        };
    }
}
