package dev.orderflow.notification.service;

import static dev.orderflow.notification.Events.cancelled;
import static dev.orderflow.notification.Events.confirmed;
import static dev.orderflow.notification.Events.delivered;
import static dev.orderflow.notification.Events.lowStock;
import static dev.orderflow.notification.Events.shipped;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.orderflow.common.messaging.UnreadableMessageException;
import dev.orderflow.contracts.order.OrderConfirmed;
import dev.orderflow.contracts.order.OrderDelivered;
import dev.orderflow.contracts.order.OrderLine;
import dev.orderflow.notification.Draft;
import io.quarkus.test.junit.QuarkusTest;

/** Each event type's template: the subject and the body carry the facts the recipient needs. */
@QuarkusTest
class DraftsTest {

    @Inject
    Drafts drafts;

    @Test
    void confirmedListsTheItemsTheTotalTheCarrierAndTheEstimatedDelivery() {
        Draft draft = drafts.of("o-1:order.confirmed", confirmed("o-1"));

        assertEquals("Your order o-1 is confirmed", draft.subject());
        assertBody(draft, "2 x sku-A at 12.50 EUR each", "1 x sku-B at 5.00 EUR each", "Total: 30.00 EUR",
                "Carrier: ColiPoste", "Estimated delivery: 2030-01-04");
        assertEquals(new Draft("o-1:order.confirmed", "order.confirmed", "o-1@example.com", "customer-o-1", "o-1",
                draft.subject(), draft.body()), draft);
    }

    @Test
    void confirmedLeavesOutUnitPricesItDoesNotHave() {
        OrderConfirmed unpriced = new OrderConfirmed("o-2", "c-2", "c2@example.com", List.of(new OrderLine("sku-C", 3, null)),
                new BigDecimal("9.00"), null, "USD", "WorldParcel", LocalDate.parse("2030-02-01"), Instant.now());

        Draft draft = drafts.of("o-2:order.confirmed", unpriced);

        assertBody(draft, "- 3 x sku-C\n", "Total: 9.00 USD", "Carrier: WorldParcel");
        assertFalse(draft.body().contains("null"), draft.body());
    }

    @Test
    void cancelledSaysWhyInWordsAndNotInCodes() {
        Draft draft = drafts.of("o-3:order.cancelled", cancelled("o-3", "CARD_DECLINED"));

        assertEquals("Your order o-3 is cancelled", draft.subject());
        assertBody(draft, "your order o-3 is cancelled. Your card was declined.", "2 x sku-A", "1 x sku-B", "refunded");
        assertFalse(draft.body().contains("CARD_DECLINED"), draft.body());
        assertFalse(draft.body().contains("what the step said"), "the step's detail is for operators: " + draft.body());
    }

    @Test
    void shippedHasTheCarrierAndTheTrackingNumber() {
        Draft draft = drafts.of("o-4:order.shipped", shipped("o-4"));

        assertEquals("Your order o-4 is on its way", draft.subject());
        assertBody(draft, "with ColiPoste", "Tracking number: CP0000000042");
    }

    @Test
    void deliveredSaysSo() {
        Draft draft = drafts.of("o-5:order.delivered", delivered("o-5"));

        assertEquals("Your order o-5 is delivered", draft.subject());
        assertBody(draft, "your order o-5 was delivered");
        assertEquals("o-5@example.com", draft.recipient());
    }

    @Test
    void lowStockGoesToTheOperatorWithTheFigures() {
        Draft draft = drafts.of("sku-9:low-stock:2", lowStock("sku-9"));

        assertEquals("Low stock: sku-9 (Walnut desk)", draft.subject());
        assertBody(draft, "3 available, below the threshold of 5", "PUT /products/sku-9/stock");
        assertEquals("stock@orderflow.local", draft.recipient());
        assertEquals("inventory.low-stock", draft.type());
        assertNull(draft.customerId());
        assertNull(draft.orderId());
    }

    @Test
    void anOrderEventWithoutTheCustomersAddressCannotBeNotified() {
        assertThrows(UnreadableMessageException.class,
                () -> drafts.of("o-6:order.delivered", new OrderDelivered("o-6", "c-6", " ", Instant.now())));
        assertThrows(UnreadableMessageException.class,
                () -> drafts.of("o-6:order.delivered", new OrderDelivered("o-6", "c-6", null, Instant.now())));
    }

    private static void assertBody(Draft draft, String... facts) {
        assertAll(List.of(facts).stream()
                .map(fact -> () -> assertTrue(draft.body().contains(fact), "'" + fact + "' in:\n" + draft.body())));
    }
}
