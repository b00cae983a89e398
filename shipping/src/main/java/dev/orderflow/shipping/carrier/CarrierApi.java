package dev.orderflow.shipping.carrier;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the simulated carrier's API reads and writes (docs/architecture.md, "The carrier"). Answers are built into
 * {@code Response}s, so their types are registered for reflection here.
 */
public final class CarrierApi {

    /** The header every POST carries: a request sent again under the same key gets the first answer again. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** A label's status: booked, or called off (a cancelled label is never picked up). */
    public static final String CREATED = "created";
    public static final String CANCELLED = "cancelled";

    private CarrierApi() {
    }

    /**
     * @param carrier the carrier that is to take the parcel: ColiPoste, EuroExpress or WorldParcel
     * @param reference the merchant's reference of the parcel (the order id), printed on the label
     * @param recipient where the parcel goes
     */
    public record NewLabel(
            @NotBlank @Size(max = 100) String carrier,
            @NotBlank @Size(max = 200) String reference,
            @Valid @NotNull Recipient recipient) {
    }

    public record Recipient(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 200) String line1,
            @Size(max = 200) String line2,
            @NotBlank @Size(max = 100) String city,
            @NotBlank @Size(max = 12) String postalCode,
            @NotBlank @Size(min = 2, max = 2) String country) {
    }

    /**
     * A label, as booked and as it stands now.
     *
     * @param status {@link #CREATED} or {@link #CANCELLED}: a refused label is answered with an {@link ErrorAnswer}
     * @param estimatedDelivery the day the carrier promises to deliver, counted from the booking day (UTC)
     */
    @RegisterForReflection
    public record Label(String id, String carrier, String trackingNumber, String status, LocalDate estimatedDelivery,
            String reference) {
    }

    /**
     * An error: {@code {"error": {"type", "code", "message"}}}. A refused address is a 422 of type
     * {@code address_error}, code {@code address_undeliverable}.
     */
    @RegisterForReflection
    public record ErrorAnswer(Detail error) {

        static ErrorAnswer refused(String code, String message) {
            return new ErrorAnswer(new Detail("address_error", code, message));
        }

        static ErrorAnswer unknownCarrier(String carrier) {
            return new ErrorAnswer(new Detail("invalid_request_error", "carrier_unknown", "No such carrier: " + carrier));
        }

        static ErrorAnswer noSuchLabel(String labelId) {
            return new ErrorAnswer(new Detail("invalid_request_error", "resource_missing", "No such label: " + labelId));
        }

        static ErrorAnswer invalidApiKey() {
            return new ErrorAnswer(new Detail("invalid_request_error", "invalid_api_key",
                    "Invalid API key: send Authorization: Bearer <the key issued to you>"));
        }

        static ErrorAnswer unavailable(String message) {
            return new ErrorAnswer(new Detail("api_error", "unavailable", message));
        }

        @RegisterForReflection
        @JsonInclude(JsonInclude.Include.NON_NULL)
        public record Detail(String type, String code, String message) {
        }
    }
}
