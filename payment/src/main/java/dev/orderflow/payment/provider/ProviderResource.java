package dev.orderflow.payment.provider;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.orderflow.common.security.ApiKeyRequired;
import dev.orderflow.common.simulator.SimulatedFaults;
import dev.orderflow.common.simulator.SimulatorUnavailable;
import dev.orderflow.payment.provider.ProviderApi.Cancellation;
import dev.orderflow.payment.provider.ProviderApi.Charge;
import dev.orderflow.payment.provider.ProviderApi.ErrorAnswer;
import dev.orderflow.payment.provider.ProviderApi.NewCancellation;
import dev.orderflow.payment.provider.ProviderApi.NewCharge;
import dev.orderflow.payment.provider.ProviderApi.Refund;
import dev.orderflow.payment.provider.ProviderSimulator.Declined;
import dev.orderflow.payment.provider.ProviderSimulator.Succeeded;
import io.smallrye.mutiny.Uni;

/**
 * A payment provider's API, served by the simulator so that a local run needs no other process; the payment service
 * calls it over HTTP as it would call a real provider ({@code quarkus.rest-client.payment-provider.url}). Shaped as
 * real providers' APIs are: every POST carries an {@code Idempotency-Key}; a declined charge is a 402 whose error
 * names a {@code declineCode}; a provider that cannot answer now says 503. Its callers are merchants, not users: each
 * request carries the provider's API key ({@code Authorization: Bearer <key>}, the key of {@code payment.provider.api-key}),
 * and without it is answered 401 ({@link ApiKeyRequired}).
 */
@Path("/provider/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payment provider (simulator)", description = "The simulated payment provider the payments are taken "
        + "through. Takes the provider's API key, not a user's token: Authorization: Bearer <payment.provider.api-key>; "
        + "a missing or wrong key is answered 401.")
@PermitAll
@ApiKeyRequired
public class ProviderResource {

    private final ProviderSimulator simulator;

    public ProviderResource(ProviderSimulator simulator) {
        this.simulator = simulator;
    }

    @POST
    @Path("charges")
    @Operation(summary = "Charge a payment method; under a key or a reference seen before, the first answer again")
    @APIResponse(responseCode = "200", description = "Charged", content = @Content(schema = @Schema(implementation = Charge.class)))
    @APIResponse(responseCode = "402", description = "Declined", content = @Content(schema = @Schema(implementation = ErrorAnswer.class)))
    @APIResponse(responseCode = "503", description = "No answer now; nothing was charged", content = @Content(schema = @Schema(implementation = ErrorAnswer.class)))
    public Uni<Response> charge(@HeaderParam(ProviderApi.IDEMPOTENCY_KEY) @NotBlank @Size(max = 200) String idempotencyKey,
            @Valid @NotNull NewCharge charge) {
        return simulator.charge(idempotencyKey, charge).map(answer -> answer instanceof Succeeded succeeded
                ? Response.ok(succeeded.charge()).build()
                : Response.status(402).entity(ErrorAnswer.declined(((Declined) answer).declineCode())).build());
    }

    @POST
    @Path("charges/{chargeId}/refunds")
    @Operation(summary = "Refund a charge in full; asked again, the same refund")
    @APIResponse(responseCode = "200", description = "Refunded", content = @Content(schema = @Schema(implementation = Refund.class)))
    @APIResponse(responseCode = "404", description = "No such charge", content = @Content(schema = @Schema(implementation = ErrorAnswer.class)))
    public Uni<Response> refund(@PathParam("chargeId") @Size(max = 200) String chargeId,
            @HeaderParam(ProviderApi.IDEMPOTENCY_KEY) @NotBlank @Size(max = 200) String idempotencyKey) {
        return simulator.refund(chargeId).map(refund -> refund != null ? Response.ok(refund).build()
                : Response.status(404).entity(ErrorAnswer.noSuchCharge(chargeId)).build());
    }

    @POST
    @Path("cancellations")
    @Operation(summary = "Give back what was charged under a reference, or close the reference to charges")
    @APIResponse(responseCode = "200", description = "Refunded or cancelled", content = @Content(schema = @Schema(implementation = Cancellation.class)))
    public Uni<Cancellation> cancel(@HeaderParam(ProviderApi.IDEMPOTENCY_KEY) @NotBlank @Size(max = 200) String idempotencyKey,
            @Valid @NotNull NewCancellation cancellation) {
        return simulator.cancel(cancellation.reference());
    }

    @ServerExceptionMapper
    public Response unavailable(SimulatorUnavailable e) {
        return SimulatedFaults.unavailable(ErrorAnswer.unavailable(e.getMessage()));
    }
}
