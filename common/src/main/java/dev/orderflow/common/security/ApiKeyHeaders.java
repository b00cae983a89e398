package dev.orderflow.common.security;

import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Every request of a rest client that registers it ({@code @RegisterClientHeaders(ApiKeyHeaders.class)}) carries the
 * service's {@link ThirdPartyKey}. No bean-defining annotation: the rest client makes it a bean where a client
 * registers it, so that the services that call no third party need neither a key nor the rest client.
 */
public class ApiKeyHeaders implements ClientHeadersFactory {

    private final ApiKey key;

    public ApiKeyHeaders(ThirdPartyKey party) {
        this.key = party.key();
    }

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        return key.headers();
    }
}
