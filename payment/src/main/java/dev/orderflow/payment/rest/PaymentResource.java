package dev.orderflow.payment.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.orderflow.common.rest.Page;
import dev.orderflow.common.rest.PageRequest;
import dev.orderflow.common.security.Callers;
import dev.orderflow.common.security.Roles;
import dev.orderflow.payment.PaymentStatus;
import dev.orderflow.payment.service.PaymentService;
import io.smallrye.mutiny.Uni;

@Path("/payments")
@Tag(name = "Payments", description = "Charges and refunds of the orders: a customer reads their own (another "
        + "customer's payment answers 404, as one that does not exist), an operator anyone's")
@RolesAllowed({ Roles.CUSTOMER, Roles.OPERATOR })
public class PaymentResource {

    private final PaymentService payments;
    private final Callers callers;

    public PaymentResource(PaymentService payments, Callers callers) {
        this.payments = payments;
        this.callers = callers;
    }

    @GET
    @Operation(summary = "List payments, newest first", description = "A customer's listing has their own payments "
            + "only; naming another customer in customerId, it is empty.")
    public Uni<Page<PaymentView>> list(
            @Parameter(description = "Only the payment of this order") @QueryParam("orderId") @Size(max = 100) String orderId,
            @Parameter(description = "Only this customer's payments") @QueryParam("customerId") @Size(max = 100) String customerId,
            @Parameter(description = "Only payments in this status") @QueryParam("status") PaymentStatus status,
            @BeanParam @Valid PageRequest paging) {
        return payments.list(callers.current(), orderId, customerId, status, paging.page, paging.size)
                .map(found -> found.map(PaymentView::of));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a payment")
    @APIResponse(responseCode = "404", description = "No such payment, or another customer's")
    public Uni<PaymentView> get(String id) {
        return payments.get(callers.current(), id).map(PaymentView::of);
    }
}
