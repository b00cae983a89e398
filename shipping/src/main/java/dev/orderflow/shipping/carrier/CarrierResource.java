package dev.orderflow.shipping.carrier;

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
import dev.orderflow.shipping.carrier.CarrierApi.ErrorAnswer;
import dev.orderflow.shipping.carrier.CarrierApi.Label;
import dev.orderflow.shipping.carrier.CarrierApi.NewLabel;
import dev.orderflow.shipping.carrier.CarrierSimulator.Booked;
import dev.orderflow.shipping.carrier.CarrierSimulator.Refused;
import dev.orderflow.shipping.carrier.CarrierSimulator.UnknownCarrier;
import io.smallrye.mutiny.Uni;

/**
 * A carrier's label API, served by the simulator so that a local run needs no other process; the shipping service
 * calls it over HTTP as it would call a real carrier ({@code quarkus.rest-client.carrier.url}). Shaped as carriers'
 * and multi-carrier APIs are: the carrier is named in the request; every POST carries an {@code Idempotency-Key}; an
 * address the carrier refuses is a 422 whose error names a code; a carrier that cannot answer now says 503. Its
 * callers are shippers, not users: each request carries the carrier's API key ({@code Authorization: Bearer <key>}, the
 * key of {@code shipping.carrier.api-key}), and without it is answered 401 ({@link ApiKeyRequired}).
 */
@Path("/carrier/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Carrier (simulator)", description = "The simulated carrier the parcels are booked with. Takes the "
        + "carrier's API key, not a user's token: Authorization: Bearer <shipping.carrier.api-key>; a missing or wrong "
        + "key is answered 401.")
@PermitAll
@ApiKeyRequired
public class CarrierResource {

    private final CarrierSimulator simulator;

    public CarrierResource(CarrierSimulator simulator) {
        this.simulator = simulator;
    }

    @POST
    @Path("labels")
    @Operation(summary = "Book a label with a carrier; under a key seen before, the first answer again (the label as it stands now)")
    @APIResponse(responseCode = "200", description = "Booked: the label, with its tracking number and estimated delivery", content = @Content(schema = @Schema(implementation = Label.class)))
    @APIResponse(responseCode = "400", description = "No such carrier, or a malformed request; nothing was booked", content = @Content(schema = @Schema(implementation = ErrorAnswer.class)))
    @APIResponse(responseCode = "422", description = "The carrier refuses the address (code address_undeliverable)", content = @Content(schema = @Schema(implementation = ErrorAnswer.class)))
    @APIResponse(responseCode = "503", description = "No answer now; nothing was booked", content = @Content(schema = @Schema(implementation = ErrorAnswer.class)))
    public Uni<Response> createLabel(@HeaderParam(CarrierApi.IDEMPOTENCY_KEY) @NotBlank @Size(max = 200) String idempotencyKey,
            @Valid @NotNull NewLabel label) {
        return simulator.createLabel(idempotencyKey, label).map(CarrierResource::response);
    }

    private static Response response(CarrierSimulator.LabelAnswer answer) {
        if (answer instanceof Booked booked) {
            return Response.ok(booked.label()).build();
        }
        if (answer instanceof Refused refused) {
            return Response.status(422).entity(ErrorAnswer.refused(refused.code(), refused.message())).build();
        }
        return Response.status(400).entity(ErrorAnswer.unknownCarrier(((UnknownCarrier) answer).carrier())).build();
    }

    @POST
    @Path("labels/{labelId}/cancel")
    @Operation(summary = "Call a label off: the carrier will not pick the parcel up; asked again, the same cancelled label")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(schema = @Schema(implementation = Label.class)))
    @APIResponse(responseCode = "404", description = "No such label", content = @Content(schema = @Schema(implementation = ErrorAnswer.class)))
    @APIResponse(responseCode = "503", description = "No answer now; nothing was cancelled", content = @Content(schema = @Schema(implementation = ErrorAnswer.class)))
    public Uni<Response> cancel(@PathParam("labelId") @Size(max = 200) String labelId,
            @HeaderParam(CarrierApi.IDEMPOTENCY_KEY) @NotBlank @Size(max = 200) String idempotencyKey) {
        return simulator.cancel(labelId).map(label -> label != null ? Response.ok(label).build()
                : Response.status(404).entity(ErrorAnswer.noSuchLabel(labelId)).build());
    }

    @ServerExceptionMapper
    public Response unavailable(SimulatorUnavailable e) {
        return SimulatedFaults.unavailable(ErrorAnswer.unavailable(e.getMessage()));
    }
}
