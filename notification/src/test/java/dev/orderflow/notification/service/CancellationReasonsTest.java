package dev.orderflow.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class CancellationReasonsTest {

    static final List<String> KNOWN = List.of("OUT_OF_STOCK", "UNKNOWN_PRODUCT", "CARD_DECLINED", "INSUFFICIENT_FUNDS",
            "AMOUNT_LIMIT_EXCEEDED", "INVALID_PAYMENT_METHOD", "PAYMENT_CLOSED", "UNSUPPORTED_DESTINATION", "INVALID_ADDRESS",
            "SHIPMENT_CLOSED", "TIMEOUT", "CUSTOMER_CANCELLED", "MIXED_CURRENCIES", "STOCK_EXPIRED", "RESERVATION_CLOSED");

    @Test
    void everyReasonOfTheSagaHasItsOwnSentenceWithoutTheCode() {
        for (String reason : KNOWN) {
            String sentence = CancellationReasons.describe(reason);

            assertNotEquals(CancellationReasons.UNKNOWN, sentence, reason);
            assertFalse(sentence.contains("_"), reason + ": " + sentence);
            assertFalse(sentence.contains(reason), reason + ": " + sentence);
        }
    }

    @Test
    void reasonsSayWhatHappenedInPlainWords() {
        assertEquals("Some of the items you ordered are out of stock.", CancellationReasons.describe("OUT_OF_STOCK"));
        assertEquals("Your card was declined.", CancellationReasons.describe("CARD_DECLINED"));
        assertEquals("We do not deliver to the country of your shipping address.",
                CancellationReasons.describe("UNSUPPORTED_DESTINATION"));
        assertEquals("You cancelled it.", CancellationReasons.describe("CUSTOMER_CANCELLED"));
    }

    @Test
    void anyStockStateTheSaleFoundIsTheSameStoryForTheCustomer() {
        assertEquals(CancellationReasons.STOCK_NOT_KEPT, CancellationReasons.describe("STOCK_EXPIRED"));
        assertEquals(CancellationReasons.STOCK_NOT_KEPT, CancellationReasons.describe("STOCK_RELEASED"));
        assertEquals(CancellationReasons.STOCK_NOT_KEPT, CancellationReasons.describe("STOCK_SOMETHING_NEW"));
    }

    @Test
    void anUnknownOrMissingReasonGetsAGeneralSentence() {
        assertEquals(CancellationReasons.UNKNOWN, CancellationReasons.describe("SOLAR_FLARE"));
        assertEquals(CancellationReasons.UNKNOWN, CancellationReasons.describe(""));
        assertEquals(CancellationReasons.UNKNOWN, CancellationReasons.describe(null));
        assertEquals(CancellationReasons.UNKNOWN, CancellationReasons.describe("out_of_stock"), "reasons are codes");
    }
}
