package dev.orderflow.payment.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orderflow.common.rest.Page;
import dev.orderflow.payment.PaymentStatus;
import dev.orderflow.payment.service.PaymentService;
import io.smallrye.mutiny.Uni;

@Path("/payments")
@Tag(name = "Payments", description = "Charges and refunds of the orders")
public class PaymentResource {

    private final PaymentService payments;

    public PaymentResource(PaymentService payments) {
        this.payments = payments;
    }

    @GET
    @Operation(summary = "List payments, newest first")
    public Uni<Page<PaymentView>> list(
            @Parameter(description = "Only the payment of this order") @QueryParam("orderId") @Size(max = 100) String orderId,
            @Parameter(description = "Only this customer's payments") @QueryParam("customerId") @Size(max = 100) String customerId,
            @Parameter(description = "Only payments in this status") @QueryParam("status") PaymentStatus status,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @Parameter(description = "Page size") @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return payments.list(orderId, customerId, status, page, size).map(found -> found.map(PaymentView::of));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a payment")
    @APIResponse(responseCode = "404", description = "No such payment")
    public Uni<PaymentView> get(String id) {
        return payments.get(id).map(PaymentView::of);
    }
}
