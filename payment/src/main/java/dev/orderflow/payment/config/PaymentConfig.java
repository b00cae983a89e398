package dev.orderflow.payment.config;

import java.math.BigDecimal;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "payment")
public interface PaymentConfig {

    Simulator simulator();

    /**
     * The simulated gateway, steered by the payment method token: {@code tok_visa} is approved,
     * {@code tok_decline} declined (CARD_DECLINED), {@code tok_insufficient_funds} declined (INSUFFICIENT_FUNDS),
     * {@code tok_timeout} never answers; any other token is declined (INVALID_PAYMENT_METHOD).
     */
    interface Simulator {

        /** Charges above this amount are declined (AMOUNT_LIMIT_EXCEEDED), whatever the currency. */
        @WithDefault("10000.00")
        BigDecimal amountLimit();

        /** Share of calls, from 0 to 1, that fail with a transient error: for fault drills. */
        @WithDefault("0")
        double failureRate();

        /** How long each call takes. */
        @WithDefault("0s")
        Duration latency();
    }
}
