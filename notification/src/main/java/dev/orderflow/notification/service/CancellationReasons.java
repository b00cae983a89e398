package dev.orderflow.notification.service;

import java.util.Map;

/**
 * Says why an order was cancelled in words a customer understands. The reasons are the saga's (the order service's
 * {@code OrderCancelled.reason}): the participants' rejection reasons, TIMEOUT, CUSTOMER_CANCELLED, MIXED_CURRENCIES,
 * and STOCK_ followed by the state a reservation was found in when the sale was to be completed.
 */
public final class CancellationReasons {

    static final String STOCK_PREFIX = "STOCK_";
    static final String STOCK_NOT_KEPT = "We could not keep the items aside for you long enough to complete the order.";
    static final String UNKNOWN = "We could not complete your order.";

    private static final Map<String, String> WORDING = Map.ofEntries(
            Map.entry("OUT_OF_STOCK", "Some of the items you ordered are out of stock."),
            Map.entry("UNKNOWN_PRODUCT", "Some of the items you ordered are not in our catalogue."),
            Map.entry("RESERVATION_CLOSED", "We could not set the items aside for you in time."),
            Map.entry("CARD_DECLINED", "Your card was declined."),
            Map.entry("PAYMENT_DECLINED", "Your payment was declined."),
            Map.entry("INSUFFICIENT_FUNDS", "Your payment was declined for insufficient funds."),
            Map.entry("AMOUNT_LIMIT_EXCEEDED", "The amount is above the limit we accept for one payment."),
            Map.entry("INVALID_PAYMENT_METHOD", "The payment method you chose cannot be used."),
            Map.entry("PAYMENT_CLOSED", "We could not take your payment in time."),
            Map.entry("UNSUPPORTED_DESTINATION", "We do not deliver to the country of your shipping address."),
            Map.entry("INVALID_ADDRESS", "Your shipping address is incomplete or not valid."),
            Map.entry("SHIPMENT_CLOSED", "We could not book the delivery in time."),
            Map.entry("TIMEOUT", "We could not complete your order in time."),
            Map.entry("CUSTOMER_CANCELLED", "You cancelled it."),
            Map.entry("MIXED_CURRENCIES",
                    "The items you ordered are priced in different currencies, which one order cannot combine."));

    private CancellationReasons() {
    }

    /** One sentence for the customer; a general one for a reason this service does not know (yet). */
    public static String describe(String reason) {
        if (reason == null) {
            return UNKNOWN;
        }
        String known = WORDING.get(reason);
        if (known != null) {
            return known;
        }
        return reason.startsWith(STOCK_PREFIX) ? STOCK_NOT_KEPT : UNKNOWN;
    }
}
