package dev.orderflow.contracts.inventory;

import java.math.BigDecimal;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A reserved quantity of one product, at the catalogue's unit price when it was reserved. */
@RegisterForReflection
public record PricedLine(String sku, int quantity, BigDecimal unitPrice, String currency) {
}
