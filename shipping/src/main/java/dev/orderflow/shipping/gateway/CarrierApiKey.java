package dev.orderflow.shipping.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import dev.orderflow.common.security.ApiKey;
import dev.orderflow.shipping.config.ShippingConfig;

/**
 * The carrier's API key ({@code shipping.carrier.api-key}), which every request to the carrier carries, and which the
 * simulator takes ({@code CarrierAuthentication}).
 */
@ApplicationScoped
public class CarrierApiKey implements ClientHeadersFactory {

    private final ApiKey key;

    public CarrierApiKey(ShippingConfig config) {
        this.key = ApiKey.configuredOrRandom(config.carrier().apiKey());
    }

    public ApiKey key() {
        return key;
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        return key.headers();
    }
}
