package dev.orderflow.payment.testing;

import dev.orderflow.common.testing.ThirdPartyOnWireMock;

/**
 * The payment service with its provider client sent to WireMock and its fault tolerance shortened, as
 * {@link ThirdPartyOnWireMock} says.
 */
public class ProviderOnWireMock extends ThirdPartyOnWireMock {

    public ProviderOnWireMock() {
        super("quarkus.rest-client.payment-provider.url", "dev.orderflow.payment.gateway.GatewayClient", "charge", "refund");
    }
}
