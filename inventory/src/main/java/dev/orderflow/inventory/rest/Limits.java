package dev.orderflow.inventory.rest;

import dev.orderflow.contracts.inventory.Sku;

/** The bounds of what the catalogue API accepts. */
final class Limits {

    static final String SKU_PATTERN = Sku.PATTERN;
    static final String SKU_MESSAGE = Sku.MESSAGE;
    static final String CURRENCY_PATTERN = "[A-Z]{3}";
    static final String CURRENCY_MESSAGE = "must be an ISO 4217 code such as EUR";
    static final int PRICE_DIGITS = 10;
    static final int PRICE_FRACTION = 4;
    static final long MAX_QUANTITY = 10_000_000;

    private Limits() {
    }
}
