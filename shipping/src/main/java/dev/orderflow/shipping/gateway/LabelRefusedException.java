package dev.orderflow.shipping.gateway;

import dev.orderflow.contracts.shipping.ShipmentRejected;

/**
 * The carrier refused the label (a 422): an answer, not a failure. No retry may change it, and it says nothing against
 * the carrier's health.
 */
class LabelRefusedException extends RuntimeException {

    private final transient ShipmentRejected.Reason reason;
    private final String detail;

    LabelRefusedException(String code, String detail) {
        super("the carrier refused the label: " + code, null, false, false);
        this.reason = reason(code);
        this.detail = detail != null ? detail
                : code != null ? "the carrier refused the address (" + code + ")" : "the carrier refused the address";
    }

    ShipmentRejected.Reason reason() {
        return reason;
    }

    String detail() {
        return detail;
    }

    /** The carrier's refusal codes; a code it adds later is still a refused address. */
    static ShipmentRejected.Reason reason(String code) {
        return "destination_not_served".equals(code) ? ShipmentRejected.Reason.UNSUPPORTED_DESTINATION
                : ShipmentRejected.Reason.INVALID_ADDRESS;
    }
}
