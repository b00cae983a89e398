package dev.orderflow.common.security;

/**
 * The roles a token names in its {@code groups} claim (docs/security.md): what each may do is declared on the
 * endpoints with {@code @RolesAllowed}, and what a customer may see of others' data is decided by {@link Caller}.
 */
public final class Roles {

    /** Places orders for themselves; reads and cancels their own orders, payments, shipments and notifications. */
    public static final String CUSTOMER = "customer";
    /** Reads everything, writes the catalogue and the stock, cancels any order. */
    public static final String OPERATOR = "operator";
    /** Reports how shipments move: {@code PUT /shipments/{id}/status}, nothing else. */
    public static final String CARRIER = "carrier";

    private Roles() {
    }
}
