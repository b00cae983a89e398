package dev.orderflow.payment.testing;

import dev.orderflow.common.testing.ThirdPartyDown;

/**
 * A payment provider that is down, as {@link ThirdPartyDown} says: the service's own simulator holds a
 * {@code tok_timeout} charge for {@value #TIMEOUT_DELAY_MS} ms. Fault tolerance is shortened as in
 * {@link ProviderOnWireMock}.
 */
public class ProviderDown extends ThirdPartyDown {

    public ProviderDown() {
        super(new ProviderOnWireMock(), "payment.simulator");
    }
}
