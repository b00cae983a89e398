package dev.orderflow.notification.service;

import dev.orderflow.contracts.order.CancellationReason;

/**
 * Says why an order was cancelled in words a customer understands: one sentence for each {@link CancellationReason},
 * which the switch must name every one of (a reason added to the contracts does not compile here until it has its
 * words).
 */
public final class CancellationReasons {

    static final String STOCK_NOT_KEPT = "We could not keep the items aside for you long enough to complete the order.";
    static final String UNKNOWN = "We could not complete your order.";

    private CancellationReasons() {
    }

    /** One sentence for the customer; a general one for an event without a reason this service knows (yet). */
    public static String describe(CancellationReason reason) {
        if (reason == null) {
            return UNKNOWN;
        }
        return switch (reason) {
            case OUT_OF_STOCK -> "Some of the items you ordered are out of stock.";
            case UNKNOWN_PRODUCT -> "Some of the items you ordered are not in our catalogue.";
            case RESERVATION_CLOSED -> "We could not set the items aside for you in time.";
            case CARD_DECLINED -> "Your card was declined.";
            case INSUFFICIENT_FUNDS -> "Your payment was declined for insufficient funds.";
            case AMOUNT_LIMIT_EXCEEDED -> "The amount is above the limit we accept for one payment.";
            case INVALID_PAYMENT_METHOD -> "The payment method you chose cannot be used.";
            case PAYMENT_CLOSED -> "We could not take your payment in time.";
            case UNSUPPORTED_DESTINATION -> "We do not deliver to the country of your shipping address.";
            case INVALID_ADDRESS -> "Your shipping address is incomplete or not valid.";
            case SHIPMENT_CLOSED -> "We could not book the delivery in time.";
            // whatever state the sale found the reservation in, the customer hears the same story
            case STOCK_NONE, STOCK_REJECTED, STOCK_RELEASED, STOCK_EXPIRED -> STOCK_NOT_KEPT;
            case TIMEOUT -> "We could not complete your order in time.";
            case CUSTOMER_CANCELLED -> "You cancelled it.";
            case MIXED_CURRENCIES ->
                "The items you ordered are priced in different currencies, which one order cannot combine.";
        };
    }
}
