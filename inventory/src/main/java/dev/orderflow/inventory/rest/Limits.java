package dev.orderflow.inventory.rest;

/** The bounds of what the catalogue API accepts. */
final class Limits {

    static final String SKU_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final String SKU_MESSAGE = "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";
    static final String CURRENCY_PATTERN = "[A-Z]{3}";
    static final String CURRENCY_MESSAGE = "must be an ISO 4217 code such as EUR";
    static final int PRICE_DIGITS = 10;
    static final int PRICE_FRACTION = 4;
    static final long MAX_QUANTITY = 10_000_000;

    private Limits() {
    }
}
