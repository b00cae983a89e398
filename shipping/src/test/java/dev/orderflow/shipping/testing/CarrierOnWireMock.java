package dev.orderflow.shipping.testing;

import dev.orderflow.common.testing.ThirdPartyOnWireMock;

/**
 * The shipping service with its carrier client sent to WireMock and its fault tolerance shortened, as
 * {@link ThirdPartyOnWireMock} says.
 */
public class CarrierOnWireMock extends ThirdPartyOnWireMock {

    public CarrierOnWireMock() {
        super("quarkus.rest-client.carrier.url", "dev.orderflow.shipping.gateway.GatewayClient", "createLabel",
                "cancelLabel");
    }
}
