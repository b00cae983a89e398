package dev.orderflow.shipping.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.orderflow.contracts.shipping.Address;

class AddressCheckTest {

    static final Address GOOD = new Address("Ada Lovelace", "12 rue des Lilas", null, "Lyon", "69003", "FR");

    @Test
    void aCompleteAddressIsFine() {
        assertEquals(Optional.empty(), AddressCheck.problems(GOOD));
        assertEquals(Optional.empty(),
                AddressCheck.problems(new Address("A", "1 Main St", "Flat 2", "London", "SW1A 1AA", "GB")));
        assertEquals(Optional.empty(), AddressCheck.problems(new Address("A", "1 Rua", null, "Lisboa", "1000-001", "PT")));
    }

    @Test
    void eachRequiredFieldIsNamedWhenMissingOrBlank() {
        assertProblem(new Address(null, "l", null, "c", "75001", "FR"), "address.name is required");
        assertProblem(new Address("n", " ", null, "c", "75001", "FR"), "address.line1 is required");
        assertProblem(new Address("n", "l", null, "", "75001", "FR"), "address.city is required");
        assertProblem(new Address("n", "l", null, "c", null, "FR"), "address.postalCode is required");
        assertProblem(new Address("n", "l", null, "c", "75001", null), "address.country is required");
    }

    @Test
    void theCountryIsATwoLetterUpperCaseCode() {
        assertProblem(new Address("n", "l", null, "c", "75001", "fr"), "address.country must be");
        assertProblem(new Address("n", "l", null, "c", "75001", "FRA"), "address.country must be");
    }

    @Test
    void thePostalCodeIsTwoToTwelveLettersDigitsSpacesOrDashes() {
        assertProblem(new Address("n", "l", null, "c", "7", "FR"), "address.postalCode must be");
        assertProblem(new Address("n", "l", null, "c", "1234567890123", "FR"), "address.postalCode must be");
        assertProblem(new Address("n", "l", null, "c", "75001;", "FR"), "address.postalCode must be");
        assertProblem(new Address("n", "l", null, "c", "-1", "FR"), "address.postalCode must be");
    }

    @Test
    void overlongFieldsAreRefused() {
        assertProblem(new Address("n".repeat(101), "l", null, "c", "75001", "FR"), "address.name must be at most 100");
        assertProblem(new Address("n", "l", "x".repeat(201), "c", "75001", "FR"), "address.line2 must be at most 200");
    }

    @Test
    void everyBadFieldIsReported() {
        String problems = AddressCheck.problems(new Address("", "", null, "", "", "")).orElseThrow();

        for (String field : new String[] { "name", "line1", "city", "postalCode", "country" }) {
            assertTrue(problems.contains("address." + field + " is required"), problems);
        }
    }

    private static void assertProblem(Address address, String expected) {
        String problems = AddressCheck.problems(address).orElseThrow();
        assertTrue(problems.startsWith(expected), problems);
    }
}
