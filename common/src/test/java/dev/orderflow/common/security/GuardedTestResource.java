package dev.orderflow.common.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Endpoints guarded as the services' are, for {@link BearerTokensTest}. */
@Path("/test/guarded")
public class GuardedTestResource {

    private final Callers callers;

    public GuardedTestResource(Callers callers) {
        this.callers = callers;
    }

    /** Only operators; answers the caller's subject. */
    @GET
    @RolesAllowed(Roles.OPERATOR)
    public String operatorsOnly() {
        return callers.current().subject();
    }

    /** Customers and operators; answers whether the caller sees what belongs to the customer. */
    @GET
    @Path("sees/{customerId}")
    @RolesAllowed({ Roles.CUSTOMER, Roles.OPERATOR })
    public boolean sees(String customerId) {
        return callers.current().sees(customerId);
    }

    /** Declares no role: refused to everyone (quarkus.security.jaxrs.deny-unannotated-endpoints). */
    @GET
    @Path("undeclared")
    public String undeclared() {
        return "nobody should read this";
    }
}
