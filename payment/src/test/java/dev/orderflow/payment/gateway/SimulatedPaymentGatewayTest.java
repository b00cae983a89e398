package dev.orderflow.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.orderflow.contracts.payment.PaymentDeclined.Reason;
import dev.orderflow.payment.gateway.PaymentGateway.Approved;
import dev.orderflow.payment.gateway.PaymentGateway.ChargeRequest;
import dev.orderflow.payment.gateway.PaymentGateway.Declined;
import dev.orderflow.payment.gateway.PaymentGateway.NothingCharged;
import dev.orderflow.payment.gateway.PaymentGateway.Refunded;
import io.quarkus.test.junit.QuarkusTest;

/** The simulator behaves as a provider with idempotency keys, and remembers what it did in the store. */
@QuarkusTest
class SimulatedPaymentGatewayTest {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final BigDecimal LIMIT = new BigDecimal("100.00");

    @Inject
    SimulatedPaymentGateway gateway;

    @Test
    void theTokenAndTheAmountDecide() {
        assertInstanceOf(Approved.class, decide("tok_visa", "100.00"));
        assertEquals(new Declined(Reason.CARD_DECLINED), decide("tok_decline", "10.00"));
        assertEquals(new Declined(Reason.INSUFFICIENT_FUNDS), decide("tok_insufficient_funds", "10.00"));
        assertEquals(new Declined(Reason.INVALID_PAYMENT_METHOD), decide("tok_unheard_of", "10.00"));
        assertEquals(new Declined(Reason.AMOUNT_LIMIT_EXCEEDED), decide("tok_visa", "100.01"));
    }

    @Test
    void askingAgainUnderTheSameKeyGetsTheFirstAnswer() {
        String key = newKey();
        PaymentGateway.ChargeResult first = charge(key, "tok_visa");

        assertEquals(first, charge(key, "tok_visa"));
        assertEquals(first, charge(key, "tok_decline"));
    }

    @Test
    void aRefundGivesBackTheChargeOnceAndClosesTheKey() {
        String key = newKey();
        Approved charged = (Approved) charge(key, "tok_visa");

        Refunded refunded = (Refunded) gateway.refund(key).await().atMost(WAIT);

        assertEquals(charged.chargeId(), refunded.chargeId());
        assertEquals(refunded, gateway.refund(key).await().atMost(WAIT));
        assertEquals(new Declined(Reason.PAYMENT_CLOSED), charge(key, "tok_visa"));
    }

    @Test
    void aRefundBeforeAnyChargeClosesTheKey() {
        String key = newKey();

        assertEquals(new NothingCharged(), gateway.refund(key).await().atMost(WAIT));
        assertEquals(new Declined(Reason.PAYMENT_CLOSED), charge(key, "tok_visa"));
    }

    private PaymentGateway.ChargeResult charge(String key, String token) {
        return gateway.charge(new ChargeRequest(key, new BigDecimal("10.00"), "EUR", token)).await().atMost(WAIT);
    }

    private static PaymentGateway.ChargeResult decide(String token, String amount) {
        return SimulatedPaymentGateway.decide(new ChargeRequest("o-1", new BigDecimal(amount), "EUR", token), LIMIT);
    }

    private static String newKey() {
        return "order-" + UUID.randomUUID();
    }
}
