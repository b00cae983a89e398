package dev.orderflow.shipping.gateway;

import java.time.LocalDate;

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
 * The carrier's label API (docs/architecture.md, "The carrier"), at {@code quarkus.rest-client.carrier.url}: by default
 * the shipping service's own simulator. Every request carries an {@code Idempotency-Key}, and the carrier's API key
 * ({@link ApiKeyHeaders}); the answers' unknown properties are ignored, as carriers add them freely.
 * <p>
 * How answers map to failures: a 422 is a refused address ({@link LabelRefusedException}); a 404
 * {@code resource_missing} names a label the carrier does not hold ({@link NoSuchResourceException}); a 5xx or 429 is
 * a failure that may pass ({@link TransientHttpException}); any other error is a request the carrier refuses, which no
 * retry cures.
 */
@RegisterRestClient(configKey = "carrier")
@RegisterClientHeaders(ApiKeyHeaders.class)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface CarrierLabels {

    /** How the failures name the carrier. */
    String PEER = "the carrier";

    String IDEMPOTENCY_KEY = "Idempotency-Key";

    @POST
    @Path("labels")
    Uni<Label> create(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, NewLabel label);

    @POST
    @Path("labels/{labelId}/cancel")
    Uni<Label> cancel(@PathParam("labelId") String labelId, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey);

    @ClientExceptionMapper
    static RuntimeException failure(Response response) {
        if (response.getStatus() == 422) {
            ErrorAnswer answer = OutboundRequests.errorBody(response, ErrorAnswer.class);
            ErrorAnswer.Detail error = answer == null ? null : answer.error();
            return new LabelRefusedException(error == null ? null : error.code(), error == null ? null : error.message());
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

    record NewLabel(String carrier, String reference, Recipient recipient) {
    }

    /** Inside {@link NewLabel}, not in a signature itself, hence registered for reflection. */
    @RegisterForReflection
    record Recipient(String name, String line1, String line2, String city, String postalCode, String country) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Label(String id, String trackingNumber, String status, LocalDate estimatedDelivery) {
    }

    /** An error answer; read by {@link #failure}, outside the methods' signatures, hence registered for reflection. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorAnswer(Detail error) {

        @RegisterForReflection
        @JsonIgnoreProperties(ignoreUnknown = true)
        record Detail(String type, String code, String message) {
        }
    }
}
