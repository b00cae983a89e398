package dev.orderflow.payment.gateway;

import java.math.BigDecimal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.orderflow.common.http.NoSuchResourceException;
import dev.orderflow.common.http.OutboundRequests;
import dev.orderflow.common.http.TransientHttpException;
import dev.orderflow.common.security.ApiKeyHeaders;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;

/**
 * The payment provider's HTTP API (docs/architecture.md, "The payment provider"), at
 * {@code quarkus.rest-client.payment-provider.url}: by default the payment service's own simulator. Every request
 * carries an {@code Idempotency-Key}, and the provider's API key ({@link ApiKeyHeaders}); the answers' unknown
 * properties are ignored, as providers add them freely.
 * <p>
 * How answers map to failures: a 402 is a decline ({@link ChargeDeclinedException}); a 404 {@code resource_missing}
 * names an id the provider does not know ({@link NoSuchResourceException}); a 5xx or 429 is a failure that may pass
 * ({@link TransientHttpException}); any other error is a request the provider refuses, which no retry cures.
 */
@RegisterRestClient(configKey = "payment-provider")
@RegisterClientHeaders(ApiKeyHeaders.class)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface PaymentProvider {

    /** How the failures name the provider. */
    String PEER = "the payment provider";

    String IDEMPOTENCY_KEY = "Idempotency-Key";

    @POST
    @Path("charges")
    Uni<Charge> charge(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, NewCharge charge);

    @POST
    @Path("charges/{chargeId}/refunds")
    Uni<Refund> refund(@PathParam("chargeId") String chargeId, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey);

    /** Gives back what was charged under the reference, or closes the reference when nothing was. */
    @POST
    @Path("cancellations")
    Uni<Cancellation> cancel(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, NewCancellation cancellation);

    @ClientExceptionMapper
    static RuntimeException failure(Response response) {
        if (response.getStatus() == 402) {
            ErrorAnswer answer = OutboundRequests.errorBody(response, ErrorAnswer.class);
            return new ChargeDeclinedException(answer == null || answer.error() == null ? null : answer.error().declineCode());
        }
        if (response.getStatus() == 404) {
            ErrorAnswer answer = OutboundRequests.errorBody(response, ErrorAnswer.class);
            if (NoSuchResourceException.says(response.getStatus(),
                    answer == null || answer.error() == null ? null : answer.error().code())) {
                return new NoSuchResourceException(PEER);
            }
        }
        return OutboundRequests.transientFailure(response, PEER);
    }

    record NewCharge(BigDecimal amount, String currency, String paymentMethod, String reference, String customer) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Charge(String id, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Refund(String id, String charge) {
    }

    record NewCancellation(String reference) {
    }

    /** @param status {@code refunded} (then {@code refund} and {@code charge} name them) or {@code cancelled} */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Cancellation(String status, String charge, String refund) {

        boolean refunded() {
            return "refunded".equals(status);
        }
    }

    /** An error answer; read by {@link #failure}, outside the methods' signatures, hence registered for reflection. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorAnswer(Detail error) {

        @RegisterForReflection
        @JsonIgnoreProperties(ignoreUnknown = true)
        record Detail(String type, String code, String declineCode, String message) {
        }
    }
}
