package dev.orderflow.contracts.order;

import java.math.BigDecimal;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An ordered quantity of one product; the unit price is known once stock is reserved. */
@RegisterForReflection
public record OrderLine(String sku, int quantity, BigDecimal unitPrice) {
}
