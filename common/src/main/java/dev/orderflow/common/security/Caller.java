package dev.orderflow.common.security;

import java.util.Set;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;

/**
 * Who sent the request, as its verified token says: the subject ({@code sub}; a customer's customerId) and the roles
 * ({@code groups}). It decides whose data the caller may see: an operator everyone's, a customer only their own.
 * Whatever belongs to another customer is answered as if it did not exist (404, or left out of a listing), so that a
 * customer cannot learn which ids are taken.
 *
 * @param subject the token's subject
 * @param roles the token's roles ({@link Roles})
 */
public record Caller(String subject, Set<String> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean isOperator() {
        return roles.contains(Roles.OPERATOR);
    }

    /** Whether the caller may see what belongs to this customer: an operator anyone's, a customer their own. */
    public boolean sees(String customerId) {
        return isOperator() || roles.contains(Roles.CUSTOMER) && subject.equals(customerId);
    }

    /** What was found, if the caller may see it; else nothing (null), as if nothing was found. */
    public <T> Uni<T> ifSees(Uni<T> found, Function<T, String> customerOf) {
        return found.map(item -> item != null && sees(customerOf.apply(item)) ? item : null);
    }

    /**
     * Whether a listing narrowed to {@code customerId} (null: not narrowed) can show this caller anything: not for a
     * customer who names another customer, who is then answered an empty page, as for a customer with nothing.
     */
    public boolean mayList(String customerId) {
        return customerId == null || sees(customerId);
    }

    /**
     * The customerId a listing is narrowed to: the one asked for by an operator (null: every customer's), the caller's
     * own for a customer, whatever was asked.
     */
    public String listedCustomer(String customerId) {
        return isOperator() ? customerId : subject;
    }
}
