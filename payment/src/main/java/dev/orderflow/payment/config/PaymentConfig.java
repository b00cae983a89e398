package dev.orderflow.payment.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "payment")
public interface PaymentConfig {

    Provider provider();

    Simulator simulator();

    /** The payment provider the service charges through. */
    interface Provider {

        /**
         * The API key the provider issued, sent as {@code Authorization: Bearer <key>} (PAYMENT_PROVIDER_API_KEY). The
         * simulator takes only this key; with none configured, the client and the simulator share one made at random
         * when the service starts (set one for any other provider).
         */
        Optional<String> apiKey();
    }

    /**
     * The simulated payment provider the service serves at {@code /provider/v1}, steered by the payment method token:
     * {@code tok_visa} is approved, {@code tok_decline} declined (CARD_DECLINED), {@code tok_insufficient_funds}
     * declined (INSUFFICIENT_FUNDS), {@code tok_timeout} answered too late; any other token is declined
     * (INVALID_PAYMENT_METHOD).
     */
    interface Simulator {

        /** Charges above this amount are declined (AMOUNT_LIMIT_EXCEEDED), whatever the currency. */
        @WithDefault("10000.00")
        BigDecimal amountLimit();

        /** Share of requests, from 0 to 1, answered 503 before anything is decided: for fault drills. */
        @WithDefault("0")
        double failureRate();

        /** How long each answer takes. */
        @WithDefault("0s")
        Duration latency();

        /**
         * How long a {@code tok_timeout} charge is held before it is answered 503, nothing charged: longer than the
         * client waits for an answer.
         */
        @WithDefault("10s")
        Duration timeoutDelay();
    }
}
