package dev.orderflow.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

/** Whose data a caller sees: a customer their own, an operator everyone's, a carrier nobody's. */
class CallerTest {

    static final Caller ADA = new Caller("ada", Set.of(Roles.CUSTOMER));
    static final Caller OPERATOR = new Caller("olga", Set.of(Roles.OPERATOR));
    static final Caller CARRIER = new Caller("ada", Set.of(Roles.CARRIER));

    @Test
    void aCustomerSeesTheirOwnOnly() {
        assertTrue(ADA.sees("ada"));
        assertFalse(ADA.sees("bob"));
        assertFalse(ADA.sees(null));
    }

    @Test
    void anOperatorSeesEveryones() {
        assertTrue(OPERATOR.sees("bob"));
        assertTrue(OPERATOR.sees(null));
    }

    @Test
    void aCarrierSeesNobodysEvenUnderACustomersName() {
        assertFalse(CARRIER.sees("ada"));
    }

    @Test
    void aCustomersListingIsTheirOwnAndNamingAnotherShowsNothing() {
        assertEquals("ada", ADA.listedCustomer(null));
        assertEquals("ada", ADA.listedCustomer("ada"));
        assertTrue(ADA.mayList(null));
        assertTrue(ADA.mayList("ada"));
        assertFalse(ADA.mayList("bob"));
    }

    @Test
    void anOperatorsListingIsWhatTheyAskFor() {
        assertNull(OPERATOR.listedCustomer(null));
        assertEquals("bob", OPERATOR.listedCustomer("bob"));
        assertTrue(OPERATOR.mayList("bob"));
    }
}
