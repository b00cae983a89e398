package dev.orderflow.payment.provider;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What the simulated provider's API reads and writes (docs/architecture.md, "The payment provider"). Answers are built
 * into {@code Response}s, so their types are registered for reflection here.
 */
public final class ProviderApi {

    /** The header every POST carries: a request sent again under the same key gets the first answer again. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private ProviderApi() {
    }

    /**
     * @param paymentMethod the token standing for the customer's card
     * @param reference the merchant's reference of the payment (the order id): one payment per reference
     * @param customer the merchant's id of the customer
     */
    public record NewCharge(
            @NotNull @DecimalMin(value = "0.00", inclusive = false) BigDecimal amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
            @NotBlank @Size(max = 200) String paymentMethod,
            @NotBlank @Size(max = 200) String reference,
            @Size(max = 200) String customer) {
    }

    /** @param status always {@code succeeded}: a declined charge is answered with an {@link ErrorAnswer} */
    @RegisterForReflection
    public record Charge(String id, String status, BigDecimal amount, String currency, String reference) {
    }

    @RegisterForReflection
    public record Refund(String id, String charge, String status, BigDecimal amount, String currency) {
    }

    public record NewCancellation(@NotBlank @Size(max = 200) String reference) {
    }

    /**
     * @param status {@code refunded}: a charge was taken under the reference and is given back ({@code charge} and
     *        {@code refund} name them); {@code cancelled}: nothing was charged, and no charge under the reference will
     *        succeed from now on
     */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cancellation(String reference, String status, String charge, String refund) {
    }

    /** An error, shaped as real providers answer them: {@code {"error": {"type", "code", "declineCode", "message"}}}. */
    @RegisterForReflection
    public record ErrorAnswer(Detail error) {

        static ErrorAnswer declined(String declineCode) {
            return new ErrorAnswer(new Detail("card_error", "card_declined", declineCode, "The charge was declined."));
        }

        static ErrorAnswer invalidApiKey() {
            return new ErrorAnswer(new Detail("invalid_request_error", "invalid_api_key", null,
                    "Invalid API key: send Authorization: Bearer <the key issued to you>"));
        }

        static ErrorAnswer unavailable(String message) {
            return new ErrorAnswer(new Detail("api_error", "unavailable", null, message));
        }

        static ErrorAnswer noSuchCharge(String chargeId) {
            return new ErrorAnswer(
                    new Detail("invalid_request_error", "resource_missing", null, "No such charge: " + chargeId));
        }

        /** @param declineCode why a card error declined the charge (the simulator's codes: see docs/architecture.md) */
        @RegisterForReflection
        @JsonInclude(JsonInclude.Include.NON_NULL)
        public record Detail(String type, String code, String declineCode, String message) {
        }
    }
}
