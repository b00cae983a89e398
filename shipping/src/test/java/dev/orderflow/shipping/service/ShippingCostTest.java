package dev.orderflow.shipping.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orderflow.contracts.shipping.ShipmentLine;

class ShippingCostTest {

    static final ShippingCost RATES = new ShippingCost(new BigDecimal("4.90"), new BigDecimal("0.50"), new BigDecimal("100.00"),
            "EUR");

    @Test
    void costIsTheBaseFeePlusAFeePerItemOfEveryLine() {
        List<ShipmentLine> fiveItems = List.of(new ShipmentLine("A", 2), new ShipmentLine("B", 3));

        assertEquals(new BigDecimal("7.40"), RATES.of(fiveItems, new BigDecimal("20.00"), "EUR"));
        assertEquals(new BigDecimal("5.40"), RATES.of(List.of(new ShipmentLine("A", 1)), BigDecimal.ZERO, "EUR"));
    }

    @Test
    void goodsWorthTheThresholdOrMoreShipForFree() {
        List<ShipmentLine> lines = List.of(new ShipmentLine("A", 4));

        assertEquals(new BigDecimal("0.00"), RATES.of(lines, new BigDecimal("100.00"), "EUR"));
        assertEquals(new BigDecimal("0.00"), RATES.of(lines, new BigDecimal("2500"), "EUR"));
        assertEquals(new BigDecimal("6.90"), RATES.of(lines, new BigDecimal("99.99"), "EUR"));
    }

    @Test
    void goodsPricedInAnotherCurrencyNeverShipForFree() {
        assertEquals(new BigDecimal("5.40"), RATES.of(List.of(new ShipmentLine("A", 1)), new BigDecimal("5000.00"), "USD"));
    }

    @Test
    void costIsRoundedHalfEvenToTheCent() {
        ShippingCost fractional = new ShippingCost(new BigDecimal("0.125"), new BigDecimal("0.01"), new BigDecimal("100"),
                "EUR");

        assertEquals(new BigDecimal("0.12"), fractional.of(List.of(), BigDecimal.ONE, "EUR"));
        assertEquals(new BigDecimal("0.14"), fractional.of(List.of(new ShipmentLine("A", 1)), BigDecimal.ONE, "EUR"));
    }

    @Test
    void largeQuantitiesDoNotOverflow() {
        List<ShipmentLine> huge = List.of(new ShipmentLine("A", Integer.MAX_VALUE), new ShipmentLine("B", Integer.MAX_VALUE));

        assertEquals(new BigDecimal("2147483651.90"), RATES.of(huge, BigDecimal.ONE, "EUR"));
    }
}
