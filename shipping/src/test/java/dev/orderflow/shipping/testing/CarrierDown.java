package dev.orderflow.shipping.testing;

import dev.orderflow.common.testing.ThirdPartyDown;

/**
 * A carrier that is down, as {@link ThirdPartyDown} says: the service's own simulator holds a label to postal code
 * {@code 99999} for {@value #TIMEOUT_DELAY_MS} ms. Fault tolerance is shortened as in {@link CarrierOnWireMock}.
 */
public class CarrierDown extends ThirdPartyDown {

    public CarrierDown() {
        super(new CarrierOnWireMock(), "shipping.simulator");
    }
}
