package dev.orderflow.payment.messaging;

import static dev.orderflow.common.testing.MessageProbe.correlatedTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.orderflow.common.testing.MessageProbe;
import dev.orderflow.common.testing.MessageProbe.Received;
import dev.orderflow.common.testing.Meters;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.common.testing.Tokens;
import dev.orderflow.contracts.payment.ChargePayment;
import dev.orderflow.contracts.payment.NothingToRefund;
import dev.orderflow.contracts.payment.PaymentCharged;
import dev.orderflow.contracts.payment.PaymentDeclined;
import dev.orderflow.contracts.payment.PaymentRefunded;
import dev.orderflow.contracts.payment.RefundPayment;
import dev.orderflow.payment.Payment;
import dev.orderflow.payment.PaymentStatus;
import dev.orderflow.payment.repository.PaymentRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/** Charges and refunds sent through the real broker as the order saga sends them. */
@QuarkusTest
class PaymentCommandsTest {

    @BeforeAll
    static void operatorByDefault() {
        // reads are an operator's: who may do what is PaymentAccessTest's
        Tokens.byDefault(Tokens.operator());
    }

    static final String REPLY_TO = "payment-test-" + UUID.randomUUID();
    static final Duration READ = Duration.ofSeconds(10);

    @RegisterExtension
    static final TestBroker broker = TestBroker.perClass();
    static final MessageProbe replies = broker.probe("replies", REPLY_TO);

    @Inject
    PaymentRepository payments;

    @Inject
    MeterRegistry metrics;

    @Test
    void anApprovedChargeIsCaptured() {
        String order = newOrder();

        PaymentCharged charged = send(order, "charge", charge(order, "tok_visa", "129.90")).as(PaymentCharged.class);

        assertEquals(0, new BigDecimal("129.90").compareTo(charged.amount()));
        Payment payment = payment(order);
        assertEquals(PaymentStatus.CAPTURED, payment.status);
        assertEquals(charged.paymentId(), payment.id);
        given().when().get("/payments/" + payment.id)
                .then().statusCode(200)
                .body("status", equalTo("CAPTURED"))
                .body("amount", equalTo(129.9f))
                .body("orderId", equalTo(order));
    }

    @Test
    void declinesCarryTheGatewaysReason() {
        assertDeclined("tok_decline", "10.00", PaymentDeclined.Reason.CARD_DECLINED);
        assertDeclined("tok_insufficient_funds", "10.00", PaymentDeclined.Reason.INSUFFICIENT_FUNDS);
        assertDeclined("tok_visa", "10000.01", PaymentDeclined.Reason.AMOUNT_LIMIT_EXCEEDED);
        assertDeclined("tok_stolen_token", "10.00", PaymentDeclined.Reason.INVALID_PAYMENT_METHOD);
    }

    @Test
    void theSameChargeManyTimesAtOnceChargesOnceAndRepliesTheSame() {
        String order = newOrder();
        ChargePayment command = charge(order, "tok_visa", "50.00");
        double gatewayCallsBefore = gatewayCalls();

        IntStream.range(0, 8).forEach(i -> broker.sendCommand(order + ":charge", order, REPLY_TO, command));
        List<Received> answers = replies.await(correlatedTo(order), 8);

        assertTrue(answers.stream().allMatch(answer -> answer.messageId().equals(order + ":charge:reply")));
        answers.forEach(answer -> assertArrayEquals(answers.get(0).body(), answer.body()));
        assertEquals(1L, payments.count("orderId", order).await().atMost(READ), "one payment for the order");
        assertTrue(gatewayCalls() - gatewayCallsBefore <= 8, "the gateway is asked at most once per delivery");
    }

    @Test
    void eachChargeAndRefundIsCountedOnceHoweverOftenItsCommandArrives() {
        double approved = Meters.count(metrics, "payment.charges", "outcome", "approved");
        double declined = Meters.count(metrics, "payment.charges", "outcome", "declined");
        double refunds = Meters.count(metrics, "payment.refunds");
        String paid = newOrder();
        String refused = newOrder();

        for (int copy = 0; copy < 2; copy++) {
            broker.sendCommand(paid + ":charge", paid, REPLY_TO, charge(paid, "tok_visa", "20.00"));
            broker.sendCommand(refused + ":charge", refused, REPLY_TO, charge(refused, "tok_decline", "20.00"));
        }
        replies.await(correlatedTo(paid), 2);
        replies.await(correlatedTo(refused), 2);
        for (int copy = 0; copy < 2; copy++) {
            broker.sendCommand(paid + ":refund", paid, REPLY_TO, new RefundPayment(paid));
        }
        replies.await(correlatedTo(paid), 4);

        assertEquals(approved + 1, Meters.count(metrics, "payment.charges", "outcome", "approved"));
        assertEquals(declined + 1, Meters.count(metrics, "payment.charges", "outcome", "declined"));
        assertEquals(refunds + 1, Meters.count(metrics, "payment.refunds"));
        assertThat(Meters.scrape(), containsString("payment_refunds_total{application=\"payment\"}"));
    }

    @Test
    void aRefundGivesTheCapturedAmountBack() {
        String order = newOrder();
        send(order, "charge", charge(order, "tok_visa", "42.00"));

        PaymentRefunded refunded = send(order, "refund", new RefundPayment(order)).as(PaymentRefunded.class);

        assertEquals(0, new BigDecimal("42.00").compareTo(refunded.amount()));
        assertEquals(PaymentStatus.REFUNDED, payment(order).status);
        assertEquals(refunded, send(order, "refund", new RefundPayment(order)).as(PaymentRefunded.class), "a repeated refund");
    }

    @Test
    void aRefundOfAChargeTheProviderDoesNotKnowGivesBackWhatItChargedForTheOrder() {
        String order = newOrder();
        send(order, "charge", charge(order, "tok_visa", "17.00")).as(PaymentCharged.class);
        String chargeId = payment(order).gatewayChargeId;
        payments.mongoCollection().updateOne(Filters.eq("orderId", order), Updates.set("gatewayChargeId", "ch_unknown"))
                .await().atMost(READ);

        send(order, "refund", new RefundPayment(order)).as(PaymentRefunded.class);

        Payment payment = payment(order);
        assertEquals(PaymentStatus.REFUNDED, payment.status);
        assertEquals(chargeId, payment.gatewayChargeId, "the provider's own id for the charge it gave back");
    }

    @Test
    void aRefundOfAChargeTheProviderHasNoRecordOfClosesThePayment() {
        String order = newOrder();
        Payment captured = new Payment();
        captured.id = "pay-" + UUID.randomUUID();
        captured.orderId = order;
        captured.customerId = "customer-1";
        captured.amount = new BigDecimal("9.00");
        captured.currency = "EUR";
        captured.paymentMethod = "tok_visa";
        captured.status = PaymentStatus.CAPTURED;
        captured.gatewayChargeId = "ch_unknown";
        captured.createdAt = Instant.now();
        captured.capturedAt = captured.createdAt;
        captured.updatedAt = captured.createdAt;
        payments.persist(captured).await().atMost(READ);

        assertEquals(new NothingToRefund(order), send(order, "refund", new RefundPayment(order)).as(NothingToRefund.class));
        assertEquals(PaymentStatus.VOIDED, payment(order).status);
        PaymentDeclined late = send(order, "charge", charge(order, "tok_visa", "9.00")).as(PaymentDeclined.class);
        assertEquals(PaymentDeclined.Reason.PAYMENT_CLOSED, late.reason(), "a charge after the refund is refused");
    }

    @Test
    void aRefundBeforeAnyChargeIsANoOpThatDeclinesALateCharge() {
        String order = newOrder();
        double gatewayCallsBefore = gatewayCalls();

        NothingToRefund nothing = send(order, "refund", new RefundPayment(order)).as(NothingToRefund.class);
        PaymentDeclined late = send(order, "charge", charge(order, "tok_visa", "10.00")).as(PaymentDeclined.class);

        assertEquals(new NothingToRefund(order), nothing);
        assertEquals(PaymentDeclined.Reason.PAYMENT_CLOSED, late.reason());
        assertEquals(PaymentStatus.VOIDED, payment(order).status);
        assertEquals(gatewayCallsBefore, gatewayCalls(), "the gateway was never asked to charge");
    }

    @Test
    void aDeclinedChargeHasNothingToRefund() {
        String order = newOrder();
        send(order, "charge", charge(order, "tok_decline", "10.00"));

        assertEquals(new NothingToRefund(order), send(order, "refund", new RefundPayment(order)).as(NothingToRefund.class));
        assertEquals(PaymentStatus.DECLINED, payment(order).status);
    }

    @Test
    void anInvalidChargeIsParkedWithoutAReplyAndNothingIsStored() {
        String order = newOrder();
        broker.sendCommandUntilParked("payment.commands.dlq", Duration.ofSeconds(20), order + ":charge", order, REPLY_TO,
                new ChargePayment(order, "customer-1", new BigDecimal("-5.00"), "EUR", "tok_visa"));

        assertTrue(replies.received(correlatedTo(order)).isEmpty());
        assertEquals(null, payment(order));
    }

    @Test
    void paymentsAreListedByOrderCustomerAndStatus() {
        String customer = "customer-" + UUID.randomUUID();
        String captured = newOrder();
        String declined = newOrder();
        send(captured, "charge", new ChargePayment(captured, customer, new BigDecimal("5.00"), "EUR", "tok_visa"));
        send(declined, "charge", new ChargePayment(declined, customer, new BigDecimal("5.00"), "EUR", "tok_decline"));

        given().queryParam("customerId", customer).when().get("/payments")
                .then().statusCode(200).body("total", equalTo(2)).body("items.orderId", contains(declined, captured));
        given().queryParam("customerId", customer).queryParam("status", "CAPTURED").when().get("/payments")
                .then().body("items.orderId", contains(captured));
        given().queryParam("orderId", declined).when().get("/payments")
                .then().body("items.status", contains("DECLINED"));
        given().when().get("/payments/pay-nothing").then().statusCode(404).contentType("application/problem+json");
        given().queryParam("status", "LOST").when().get("/payments").then().statusCode(400);
    }

    private void assertDeclined(String token, String amount, PaymentDeclined.Reason reason) {
        String order = newOrder();
        PaymentDeclined declined = send(order, "charge", charge(order, token, amount)).as(PaymentDeclined.class);
        assertEquals(reason, declined.reason(), token);
        Payment payment = payment(order);
        assertEquals(PaymentStatus.DECLINED, payment.status, token);
        assertEquals(reason, payment.declineReason, token);
    }

    private Received send(String order, String action, Object command) {
        String messageId = order + ":" + action + ":" + UUID.randomUUID();
        broker.sendCommand(messageId, order, REPLY_TO, command);
        return replies.await(reply -> (messageId + ":reply").equals(reply.messageId()));
    }

    private Payment payment(String order) {
        return payments.findByOrderId(order).await().atMost(READ);
    }

    private double gatewayCalls() {
        return metrics.counter("payment.gateway.requests", "operation", "charge").count();
    }

    private static ChargePayment charge(String order, String token, String amount) {
        return new ChargePayment(order, "customer-1", new BigDecimal(amount), "EUR", token);
    }

    private static String newOrder() {
        return "order-" + UUID.randomUUID();
    }
}
