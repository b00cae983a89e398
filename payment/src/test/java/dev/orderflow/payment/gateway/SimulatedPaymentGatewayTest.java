package dev.orderflow.payment.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.orderflow.contracts.payment.PaymentDeclined.Reason;
import dev.orderflow.payment.config.PaymentConfig;
import dev.orderflow.payment.gateway.PaymentGateway.Approved;
import dev.orderflow.payment.gateway.PaymentGateway.ChargeRequest;
import dev.orderflow.payment.gateway.PaymentGateway.Declined;
import dev.orderflow.payment.gateway.PaymentGateway.NothingCharged;
import dev.orderflow.payment.gateway.PaymentGateway.Refunded;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class SimulatedPaymentGatewayTest {

    static final Duration WAIT = Duration.ofSeconds(1);

    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    final SimulatedPaymentGateway gateway = new SimulatedPaymentGateway(config(0), metrics);

    @Test
    void theTokenDecides() {
        assertInstanceOf(Approved.class, charge("o-1", "tok_visa", "10.00"));
        assertEquals(new Declined(Reason.CARD_DECLINED), charge("o-2", "tok_decline", "10.00"));
        assertEquals(new Declined(Reason.INSUFFICIENT_FUNDS), charge("o-3", "tok_insufficient_funds", "10.00"));
        assertEquals(new Declined(Reason.INVALID_PAYMENT_METHOD), charge("o-4", "tok_unheard_of", "10.00"));
    }

    @Test
    void amountsAboveTheLimitAreDeclined() {
        assertInstanceOf(Approved.class, charge("o-1", "tok_visa", "100.00"));
        assertEquals(new Declined(Reason.AMOUNT_LIMIT_EXCEEDED), charge("o-2", "tok_visa", "100.01"));
    }

    @Test
    void askingAgainUnderTheSameKeyGetsTheFirstAnswer() {
        PaymentGateway.ChargeResult first = charge("o-1", "tok_visa", "10.00");

        assertEquals(first, charge("o-1", "tok_visa", "10.00"));
        assertEquals(first, charge("o-1", "tok_decline", "99.00"));
    }

    @Test
    void aRefundGivesBackTheChargeOnceAndClosesTheKey() {
        Approved charged = (Approved) charge("o-1", "tok_visa", "10.00");

        Refunded refunded = (Refunded) gateway.refund("o-1").await().atMost(WAIT);

        assertEquals(charged.chargeId(), refunded.chargeId());
        assertEquals(refunded, gateway.refund("o-1").await().atMost(WAIT));
        assertEquals(new Declined(Reason.PAYMENT_CLOSED), charge("o-1", "tok_visa", "10.00"));
    }

    @Test
    void aRefundBeforeAnyChargeClosesTheKey() {
        assertEquals(new NothingCharged(), gateway.refund("o-1").await().atMost(WAIT));
        assertEquals(new Declined(Reason.PAYMENT_CLOSED), charge("o-1", "tok_visa", "10.00"));
    }

    @Test
    void aFailingGatewayFailsTransientlyAndCountsTheCall() {
        SimulatedPaymentGateway failing = new SimulatedPaymentGateway(config(1), metrics);

        assertThrows(TransientGatewayException.class,
                () -> failing.charge(new ChargeRequest("o-1", new BigDecimal("1"), "EUR", "tok_visa")).await().atMost(WAIT));
        assertEquals(1, metrics.counter("payment.gateway.requests", "operation", "charge").count());
    }

    private PaymentGateway.ChargeResult charge(String key, String token, String amount) {
        return gateway.charge(new ChargeRequest(key, new BigDecimal(amount), "EUR", token)).await().atMost(WAIT);
    }

    static PaymentConfig config(double failureRate) {
        return () -> new PaymentConfig.Simulator() {
            @Override
            public BigDecimal amountLimit() {
                return new BigDecimal("100.00");
            }

            @Override
            public double failureRate() {
                return failureRate;
            }

            @Override
            public Duration latency() {
                return Duration.ZERO;
            }

            @Override
            public int memory() {
                return 1000;
            }
        };
    }
}
