package dev.orderflow.notification.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orderflow.contracts.inventory.StockCommitRefused;
import dev.orderflow.contracts.order.CancellationReason;
import dev.orderflow.contracts.order.OrderCancelled;

class CancellationReasonsTest {

    @Test
    void everyReasonOfTheSagaHasItsOwnSentenceWithoutTheCode() {
        for (CancellationReason reason : CancellationReason.values()) {
            String sentence = CancellationReasons.describe(reason);

            assertNotEquals(CancellationReasons.UNKNOWN, sentence, reason.name());
            assertFalse(sentence.contains("_"), reason + ": " + sentence);
            assertFalse(sentence.contains(reason.name()), reason + ": " + sentence);
        }
    }

    @Test
    void reasonsSayWhatHappenedInPlainWords() {
        assertEquals("Some of the items you ordered are out of stock.",
                CancellationReasons.describe(CancellationReason.OUT_OF_STOCK));
        assertEquals("Your card was declined.", CancellationReasons.describe(CancellationReason.CARD_DECLINED));
        assertEquals("We do not deliver to the country of your shipping address.",
                CancellationReasons.describe(CancellationReason.UNSUPPORTED_DESTINATION));
        assertEquals("You cancelled it.", CancellationReasons.describe(CancellationReason.CUSTOMER_CANCELLED));
    }

    @Test
    void anyStockStateTheSaleFoundIsTheSameStoryForTheCustomer() {
        assertEquals(CancellationReasons.STOCK_NOT_KEPT, CancellationReasons.describe(CancellationReason.STOCK_EXPIRED));
        assertEquals(CancellationReasons.STOCK_NOT_KEPT, CancellationReasons.describe(CancellationReason.STOCK_RELEASED));
        for (StockCommitRefused.Status status : StockCommitRefused.Status.values()) {
            assertEquals(CancellationReasons.STOCK_NOT_KEPT, CancellationReasons.describe(CancellationReason.of(status)),
                    status.name());
        }
    }

    @Test
    void anUnknownOrMissingReasonGetsAGeneralSentence() throws JsonProcessingException {
        assertEquals(CancellationReasons.UNKNOWN, CancellationReasons.describe(reasonRead("\"SOLAR_FLARE\"")));
        assertEquals(CancellationReasons.UNKNOWN, CancellationReasons.describe(reasonRead("\"\"")));
        assertEquals(CancellationReasons.UNKNOWN, CancellationReasons.describe(reasonRead("null")));
        assertEquals(CancellationReasons.UNKNOWN, CancellationReasons.describe(null));
        assertEquals(CancellationReasons.UNKNOWN, CancellationReasons.describe(reasonRead("\"out_of_stock\"")),
                "reasons are codes");
    }

    @Test
    void aReasonReadsFromTheNameItIsSentAs() throws JsonProcessingException {
        for (CancellationReason reason : CancellationReason.values()) {
            assertEquals(reason, reasonRead("\"" + reason.name() + "\""));
        }
        assertNull(reasonRead("\"STOCK_SOMETHING_NEW\""));
    }

    /** The reason of an order.cancelled event whose reason is {@code json}, as a subscriber reads it. */
    private static CancellationReason reasonRead(String json) throws JsonProcessingException {
        return new ObjectMapper().readValue("{\"orderId\":\"o-1\",\"reason\":" + json + "}", OrderCancelled.class).reason();
    }
}
