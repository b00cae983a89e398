package dev.orderflow.inventory.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.orderflow.contracts.inventory.StockLine;
import dev.orderflow.contracts.inventory.StockRejected.LineProblem;
import dev.orderflow.contracts.inventory.StockRejected.Reason;
import dev.orderflow.inventory.Product;
import dev.orderflow.inventory.Reservation;

class ReservationCheckTest {

    @Test
    void repeatedProductsAreAddedUpIntoOneLine() {
        List<Reservation.Line> lines = ReservationCheck
                .lines(List.of(new StockLine("A", 2), new StockLine("B", 1), new StockLine("A", 3)));

        assertEquals(2, lines.size());
        assertEquals("A", lines.get(0).sku);
        assertEquals(5, lines.get(0).quantity);
        assertEquals(1, lines.get(1).quantity);
    }

    @Test
    void everyLineThatFitsMayBeTried() {
        var lines = ReservationCheck.lines(List.of(new StockLine("A", 2), new StockLine("B", 5)));

        assertTrue(ReservationCheck.beforeTaking("o-1", lines, Map.of("A", product("A", 2), "B", product("B", 9))).isEmpty());
    }

    @Test
    void anUnknownProductRefusesTheWholeOrderAsUnknown() {
        var lines = ReservationCheck.lines(List.of(new StockLine("A", 20), new StockLine("X", 1)));

        var refusal = ReservationCheck.beforeTaking("o-1", lines, Map.of("A", product("A", 2))).orElseThrow();

        assertEquals(Reason.UNKNOWN_PRODUCT, refusal.reason());
        assertEquals(
                List.of(new LineProblem("A", 20, 2L, Reason.OUT_OF_STOCK),
                        new LineProblem("X", 1, null, Reason.UNKNOWN_PRODUCT)),
                refusal.problems());
    }

    @Test
    void shortLinesRefuseTheOrderAsOutOfStock() {
        var lines = ReservationCheck.lines(List.of(new StockLine("A", 3), new StockLine("B", 1)));

        var refusal = ReservationCheck.beforeTaking("o-1", lines, Map.of("A", product("A", 2), "B", product("B", 1)))
                .orElseThrow();

        assertEquals(Reason.OUT_OF_STOCK, refusal.reason());
        assertEquals(List.of(new LineProblem("A", 3, 2L, Reason.OUT_OF_STOCK)), refusal.problems());
    }

    @Test
    void aLineTheOrderHoldsAlreadyIsFineWhateverIsLeft() {
        Product held = product("A", 0);
        held.holds.add(new Product.Hold("o-1", 3, Instant.now()));

        assertTrue(
                ReservationCheck.beforeTaking("o-1", ReservationCheck.lines(List.of(new StockLine("A", 3))), Map.of("A", held))
                        .isEmpty());
    }

    @Test
    void afterTakingOnlyTheLinesThatFailedAreReported() {
        var lines = ReservationCheck.lines(List.of(new StockLine("A", 1), new StockLine("B", 4)));
        var takes = List.of(new StockLedger.Take(StockLedger.Take.Kind.TAKEN, "A", product("A", 5)),
                new StockLedger.Take(StockLedger.Take.Kind.SHORT, "B", product("B", 3)));

        var refusal = ReservationCheck.afterTaking(lines, takes);

        assertEquals(Reason.OUT_OF_STOCK, refusal.reason());
        assertEquals(List.of(new LineProblem("B", 4, 3L, Reason.OUT_OF_STOCK)), refusal.problems());
    }

    static Product product(String sku, long available) {
        Product product = new Product();
        product.sku = sku;
        product.available = available;
        product.unitPrice = new BigDecimal("1.50");
        product.currency = "EUR";
        return product;
    }
}
