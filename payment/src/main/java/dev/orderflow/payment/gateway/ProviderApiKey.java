package dev.orderflow.payment.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import dev.orderflow.common.security.ApiKey;
import dev.orderflow.payment.config.PaymentConfig;

/**
 * The provider's API key ({@code payment.provider.api-key}), which every request to the provider carries, and which the
 * simulator takes ({@code ProviderAuthentication}).
 */
@ApplicationScoped
public class ProviderApiKey implements ClientHeadersFactory {

    private final ApiKey key;

    public ProviderApiKey(PaymentConfig config) {
        this.key = ApiKey.configuredOrRandom(config.provider().apiKey());
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
