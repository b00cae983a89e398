package dev.orderflow.contracts.inventory;

/** What a stock keeping unit looks like, wherever one is accepted: the catalogue's, and an order line's. */
public final class Sku {

    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    public static final String MESSAGE = "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit";

    private Sku() {
    }
}
