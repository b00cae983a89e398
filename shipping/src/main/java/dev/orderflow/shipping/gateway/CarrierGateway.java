package dev.orderflow.shipping.gateway;

import java.time.LocalDate;

import dev.orderflow.contracts.shipping.Address;
import dev.orderflow.contracts.shipping.ShipmentRejected;
import io.smallrye.mutiny.Uni;

/**
 * The carrier as the shipping service sees it. Booking is idempotent per order, as the carrier's idempotency keys make
 * it: asking again returns the first answer, so a booking retried after a timeout, or by a redelivered command, never
 * books a second label. Cancelling a label is idempotent by its id.
 * <p>
 * Every call ends with an explicit outcome, never with a carrier failure: a carrier that could not be reached, even
 * after retries, answers {@link CarrierUnavailable}, which is no refusal: the caller tries again later.
 */
public interface CarrierGateway {

    Uni<LabelResult> createLabel(LabelRequest request);

    /** Calls the label off: the carrier will not pick the parcel up. */
    Uni<CancelResult> cancelLabel(CancelRequest request);

    /**
     * A label for the order's parcel; the order id is its idempotency key and its reference at the carrier.
     *
     * @param carrier the carrier's name ({@link dev.orderflow.shipping.service.CarrierRule})
     */
    record LabelRequest(String orderId, String carrier, Address address) {
    }

    record CancelRequest(String orderId, String labelId) {
    }

    sealed interface LabelResult {
    }

    /** Booked: what the carrier answered. */
    record Labelled(String labelId, String trackingNumber, LocalDate estimatedDelivery) implements LabelResult {
    }

    /** The carrier refuses to take the parcel: an answer, final. */
    record Refused(ShipmentRejected.Reason reason, String detail) implements LabelResult {
    }

    sealed interface CancelResult {
    }

    record Cancelled(String labelId) implements CancelResult {
    }

    /** The carrier could not be asked (down, overloaded, too slow or cut off by the circuit breaker): try later. */
    record CarrierUnavailable(String cause) implements LabelResult, CancelResult {
    }
}
