package dev.orderflow.order.saga;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.orderflow.contracts.inventory.CommitStock;
import dev.orderflow.contracts.inventory.PricedLine;
import dev.orderflow.contracts.inventory.ReleaseStock;
import dev.orderflow.contracts.inventory.ReserveStock;
import dev.orderflow.contracts.inventory.StockCommitRefused;
import dev.orderflow.contracts.inventory.StockCommitted;
import dev.orderflow.contracts.inventory.StockRejected;
import dev.orderflow.contracts.inventory.StockReleased;
import dev.orderflow.contracts.inventory.StockReserved;
import dev.orderflow.contracts.order.CancellationReason;
import dev.orderflow.contracts.payment.ChargePayment;
import dev.orderflow.contracts.payment.NothingToRefund;
import dev.orderflow.contracts.payment.PaymentCharged;
import dev.orderflow.contracts.payment.PaymentDeclined;
import dev.orderflow.contracts.payment.PaymentRefunded;
import dev.orderflow.contracts.payment.RefundPayment;
import dev.orderflow.contracts.shipping.CancelShipment;
import dev.orderflow.contracts.shipping.ScheduleShipment;
import dev.orderflow.contracts.shipping.ShipmentCancelled;
import dev.orderflow.contracts.shipping.ShipmentRejected;
import dev.orderflow.contracts.shipping.ShipmentScheduled;
import dev.orderflow.contracts.shipping.TooLateToCancel;
import dev.orderflow.order.Order;

/** The saga's decisions, without store or broker: given an event, which command is sent and where the saga goes. */
class OrderSagaTest {

    static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    final SagaEngine<Order> engine = new SagaEngine<>(OrderSaga.DEFINITION, order -> order.id, order -> order.saga, Map.of());
    final Order order = order();
    final List<Object> sent = new ArrayList<>();

    @Test
    void theHappyPathSendsEachStepInTurnThenCompletes() {
        start();
        reply(reserved("EUR"));
        reply(new PaymentCharged("o-1", "pay-1", new BigDecimal("25.00"), "EUR"));
        reply(scheduled());
        reply(new StockCommitted("o-1"));

        assertEquals(List.of(ReserveStock.class, ChargePayment.class, ScheduleShipment.class, CommitStock.class), types(sent));
        assertEquals(SagaPhase.COMPLETED, order.saga.phase);
        assertNull(order.saga.awaiting);
        assertEquals(new BigDecimal("25.00"), ((ChargePayment) sent.get(1)).amount(), "charged at inventory's prices");
        assertEquals("pay-1", order.paymentId);
        assertEquals("ColiPoste", order.carrier);
    }

    @Test
    void outOfStockCancelsWithNothingToUndo() {
        start();
        reply(new StockRejected("o-1", StockRejected.Reason.OUT_OF_STOCK, List.of()));

        assertEquals(List.of(ReserveStock.class), types(sent));
        assertCancelledFor(CancellationReason.OUT_OF_STOCK);
    }

    @Test
    void aDeclinedPaymentReleasesTheStock() {
        start();
        reply(reserved("EUR"));
        reply(new PaymentDeclined("o-1", "pay-1", PaymentDeclined.Reason.CARD_DECLINED));
        assertEquals(SagaPhase.COMPENSATING, order.saga.phase);
        reply(new StockReleased("o-1", StockReleased.Outcome.RELEASED));

        assertEquals(List.of(ReserveStock.class, ChargePayment.class, ReleaseStock.class), types(sent));
        assertCancelledFor(CancellationReason.CARD_DECLINED);
    }

    @Test
    void aRejectedShipmentRefundsThenReleases() {
        start();
        reply(reserved("EUR"));
        reply(new PaymentCharged("o-1", "pay-1", new BigDecimal("25.00"), "EUR"));
        reply(new ShipmentRejected("o-1", ShipmentRejected.Reason.UNSUPPORTED_DESTINATION, "ZZ"));
        reply(new PaymentRefunded("o-1", "pay-1", new BigDecimal("25.00"), "EUR"));
        reply(new StockReleased("o-1", StockReleased.Outcome.RELEASED));

        assertEquals(
                List.of(ReserveStock.class, ChargePayment.class, ScheduleShipment.class, RefundPayment.class,
                        ReleaseStock.class),
                types(sent));
        assertCancelledFor(CancellationReason.UNSUPPORTED_DESTINATION);
    }

    @Test
    void aRefusedCommitUndoesEveryStepLastFirst() {
        start();
        reply(reserved("EUR"));
        reply(new PaymentCharged("o-1", "pay-1", new BigDecimal("25.00"), "EUR"));
        reply(scheduled());
        reply(new StockCommitRefused("o-1", StockCommitRefused.Status.EXPIRED));
        reply(new ShipmentCancelled("o-1", "shp-1"));
        reply(new PaymentRefunded("o-1", "pay-1", new BigDecimal("25.00"), "EUR"));
        reply(new StockReleased("o-1", StockReleased.Outcome.NOTHING_HELD));

        assertEquals(List.of(ReserveStock.class, ChargePayment.class, ScheduleShipment.class, CommitStock.class,
                CancelShipment.class,
                RefundPayment.class, ReleaseStock.class), types(sent));
        assertCancelledFor(CancellationReason.STOCK_EXPIRED);
    }

    @Test
    void aReplyTheSagaCannotTakeUndoesItsOwnStepToo() {
        start();
        reply(new StockReserved("o-1",
                List.of(new PricedLine("A", 2, BigDecimal.TEN, "EUR"), new PricedLine("B", 1, BigDecimal.ONE, "USD"))));

        assertEquals(List.of(ReserveStock.class, ReleaseStock.class), types(sent));
        assertEquals(CancellationReason.MIXED_CURRENCIES, order.saga.failureReason);
    }

    @Test
    void anUnansweredStepIsSentAgainThenTimesOutAndIsUndone() {
        Transition first = engine.start(order, T0);
        Instant deadline = order.saga.deadline;

        assertTrue(engine.onDeadline(order, deadline.minusMillis(1)).isEmpty(), "not yet");
        Transition second = engine.onDeadline(order, deadline).orElseThrow();
        int secondAttempt = order.saga.attempt;
        Transition third = engine.onDeadline(order, order.saga.deadline).orElseThrow();
        int thirdAttempt = order.saga.attempt;
        Transition giveUp = engine.onDeadline(order, order.saga.deadline).orElseThrow();

        assertEquals(first.commands().get(0), second.commands().get(0), "the same command, same id");
        assertEquals(first.commands().get(0), third.commands().get(0));
        assertEquals(List.of(2, 3), List.of(secondAttempt, thirdAttempt));
        assertInstanceOf(ReleaseStock.class, giveUp.commands().get(0).payload(), "the step may have been done: it is undone");
        assertEquals("o-1:reserve-stock:undo", giveUp.commands().get(0).id());
        assertEquals(CancellationReason.TIMEOUT, order.saga.failureReason);
        assertEquals(SagaPhase.COMPENSATING, order.saga.phase);
    }

    @Test
    void aCompensationIsSentAgainUntilAnsweredWaitingLongerEachTime() {
        start();
        reply(reserved("EUR"));
        reply(new PaymentDeclined("o-1", "pay-1", PaymentDeclined.Reason.INSUFFICIENT_FUNDS));
        Instant sentAt = T0;
        Duration previousWait = Duration.between(sentAt, order.saga.deadline);

        for (int attempt = 2; attempt <= 12; attempt++) {
            Instant due = order.saga.deadline;
            Transition again = engine.onDeadline(order, due).orElseThrow();
            assertInstanceOf(ReleaseStock.class, again.commands().get(0).payload());
            Duration wait = Duration.between(due, order.saga.deadline);
            assertTrue(wait.compareTo(previousWait) >= 0 && wait.compareTo(Duration.ofMinutes(1)) <= 0, wait.toString());
            previousWait = wait;
        }
        assertEquals(SagaPhase.COMPENSATING, order.saga.phase, "a compensation is never given up");
    }

    @Test
    void lateAndRepeatedRepliesChangeNothing() {
        start();
        reply(reserved("EUR"));

        assertTrue(engine.onReply(order, "o-1:reserve-stock:do:reply", reserved("EUR"), T0).isEmpty(), "repeated");
        assertTrue(
                engine.onReply(order, "o-1:other:do:reply", new PaymentCharged("o-1", "p", BigDecimal.ONE, "EUR"), T0)
                        .isEmpty(),
                "not the awaited command");
        assertEquals("o-1:charge-payment:do", order.saga.awaiting);
    }

    @Test
    void aCancelBeforeConfirmationUndoesTheStepUnderWayAndThoseBefore() {
        start();
        reply(reserved("EUR"));

        sent.addAll(commands(engine.cancel(order, new SagaFailure(CancellationReason.CUSTOMER_CANCELLED, "by the customer"), T0)
                .orElseThrow()));
        reply(new NothingToRefund("o-1"));
        reply(new StockReleased("o-1", StockReleased.Outcome.RELEASED));

        assertEquals(List.of(ReserveStock.class, ChargePayment.class, RefundPayment.class, ReleaseStock.class), types(sent));
        assertCancelledFor(CancellationReason.CUSTOMER_CANCELLED);
    }

    @Test
    void aCancelAfterConfirmationUndoesEverythingButTheCommitItself() {
        confirm();

        sent.addAll(commands(engine.cancel(order, new SagaFailure(CancellationReason.CUSTOMER_CANCELLED, "by the customer"), T0)
                .orElseThrow()));
        reply(new ShipmentCancelled("o-1", "shp-1"));
        reply(new PaymentRefunded("o-1", "pay-1", new BigDecimal("25.00"), "EUR"));
        reply(new StockReleased("o-1", StockReleased.Outcome.RETURNED));

        assertEquals(List.of(CancelShipment.class, RefundPayment.class, ReleaseStock.class),
                types(sent.subList(4, sent.size())));
        assertCancelledFor(CancellationReason.CUSTOMER_CANCELLED);
    }

    @Test
    void aParcelThatLeftStopsTheCompensation() {
        confirm();

        sent.addAll(commands(engine.cancel(order, new SagaFailure(CancellationReason.CUSTOMER_CANCELLED, "by the customer"), T0)
                .orElseThrow()));
        reply(new TooLateToCancel("o-1", "shp-1", "DISPATCHED"));

        assertEquals(List.of(CancelShipment.class), types(sent.subList(4, sent.size())), "no refund, no release");
        assertEquals(SagaPhase.COMPENSATION_REFUSED, order.saga.phase);
        assertTrue(engine.cancel(order, new SagaFailure(CancellationReason.CUSTOMER_CANCELLED, "again"), T0).isEmpty());
    }

    @Test
    void configuredTimingsReplaceTheDefinitions() {
        SagaEngine<Order> impatient = new SagaEngine<>(OrderSaga.DEFINITION, o -> o.id, o -> o.saga,
                Map.of("reserve-stock", new SagaEngine.Timing(Optional.of(Duration.ofMillis(300)), Optional.of(1))));

        impatient.start(order, T0);
        Transition gaveUp = impatient.onDeadline(order, T0.plusMillis(300)).orElseThrow();

        assertInstanceOf(ReleaseStock.class, gaveUp.commands().get(0).payload(), "one attempt only");
    }

    private void start() {
        sent.addAll(commands(engine.start(order, T0)));
    }

    private void confirm() {
        start();
        reply(reserved("EUR"));
        reply(new PaymentCharged("o-1", "pay-1", new BigDecimal("25.00"), "EUR"));
        reply(scheduled());
        reply(new StockCommitted("o-1"));
        assertEquals(SagaPhase.COMPLETED, order.saga.phase);
    }

    /** Answers the awaited command, as its participant would. */
    private void reply(Object reply) {
        Transition transition = engine.onReply(order, order.saga.awaiting + ":reply", reply, T0).orElseThrow();
        sent.addAll(commands(transition));
    }

    private void assertCancelledFor(CancellationReason reason) {
        assertEquals(SagaPhase.COMPENSATED, order.saga.phase);
        assertEquals(reason, order.saga.failureReason);
        assertNull(order.saga.awaiting);
    }

    private static List<Object> commands(Transition transition) {
        return transition.commands().stream().map(Transition.Command::payload).toList();
    }

    private static List<Class<?>> types(List<Object> commands) {
        return commands.stream().<Class<?>> map(Object::getClass).toList();
    }

    private static StockReserved reserved(String currency) {
        return new StockReserved("o-1", List.of(new PricedLine("A", 2, new BigDecimal("10.00"), currency),
                new PricedLine("B", 1, new BigDecimal("5.00"), currency)));
    }

    private static ShipmentScheduled scheduled() {
        return new ShipmentScheduled("o-1", "shp-1", "ColiPoste", "CP0000000001", new BigDecimal("4.90"), "EUR",
                LocalDate.of(2026, 11, 23));
    }

    private static Order order() {
        Order order = new Order();
        order.id = "o-1";
        order.customerId = "c-1";
        order.customerEmail = "c@example.com";
        order.items = List.of(new Order.Item("A", 2), new Order.Item("B", 1));
        order.shippingAddress = new Order.Address();
        order.shippingAddress.country = "FR";
        order.paymentMethod = "tok_visa";
        return order;
    }
}
