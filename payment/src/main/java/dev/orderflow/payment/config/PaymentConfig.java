package dev.orderflow.payment.config;

import java.math.BigDecimal;

import dev.orderflow.common.http.ThirdPartyConfig;
import dev.orderflow.common.simulator.SimulatorConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "payment")
public interface PaymentConfig {

    /** The payment provider the service charges through: its API key, PAYMENT_PROVIDER_API_KEY. */
    ThirdPartyConfig provider();

    Simulator simulator();

    /**
     * The simulated payment provider the service serves at {@code /provider/v1}, steered by the payment method token:
     * {@code tok_visa} is approved, {@code tok_decline} declined (CARD_DECLINED), {@code tok_insufficient_funds}
     * declined (INSUFFICIENT_FUNDS), {@code tok_timeout} answered too late; any other token is declined
     * (INVALID_PAYMENT_METHOD). Its fault drills ({@link SimulatorConfig}): {@code tok_timeout} is held for the
     * timeout delay.
     */
    interface Simulator extends SimulatorConfig {

        /** Charges above this amount are declined (AMOUNT_LIMIT_EXCEEDED), whatever the currency. */
        @WithDefault("10000.00")
        BigDecimal amountLimit();
    }
}
