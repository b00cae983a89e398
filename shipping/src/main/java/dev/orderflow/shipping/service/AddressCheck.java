package dev.orderflow.shipping.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.orderflow.contracts.shipping.Address;

/**
 * Whether a carrier could deliver to an address. The contract leaves the address's content to shipping: a bad address
 * is a business refusal ({@code INVALID_ADDRESS}), stored and replied, not an unreadable message.
 */
public final class AddressCheck {

    static final int MAX_NAME = 100;
    static final int MAX_LINE = 200;
    static final int MAX_CITY = 100;
    /** 2 to 12 letters, digits, spaces or dashes, starting with a letter or digit: every postal code format in use. */
    static final Pattern POSTAL_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 -]{1,11}");
    static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    private AddressCheck() {
    }

    /** What is wrong with the address, field by field; empty when it is fine. */
    public static Optional<String> problems(Address address) {
        List<String> problems = new ArrayList<>();
        required(problems, "name", address.name(), MAX_NAME);
        required(problems, "line1", address.line1(), MAX_LINE);
        if (address.line2() != null && address.line2().length() > MAX_LINE) {
            problems.add(tooLong("line2", MAX_LINE));
        }
        required(problems, "city", address.city(), MAX_CITY);
        if (isBlank(address.postalCode())) {
            problems.add(missing("postalCode"));
        } else if (!POSTAL_CODE.matcher(address.postalCode()).matches()) {
            problems.add("address.postalCode must be 2 to 12 letters, digits, spaces or dashes");
        }
        if (isBlank(address.country())) {
            problems.add(missing("country"));
        } else if (!COUNTRY.matcher(address.country()).matches()) {
            problems.add("address.country must be an ISO 3166-1 alpha-2 code in upper case, such as FR");
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
    }

    private static void required(List<String> problems, String field, String value, int maxLength) {
        if (isBlank(value)) {
            problems.add(missing(field));
        } else if (value.length() > maxLength) {
            problems.add(tooLong(field, maxLength));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String missing(String field) {
        return "address." + field + " is required";
    }

    private static String tooLong(String field, int maxLength) {
        return "address." + field + " must be at most " + maxLength + " characters";
    }
}
