package dev.orderflow.common.security;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A simulated third party serves only a caller with its API key: a request to an endpoint {@link ApiKeyRequired}
 * without the service's {@link ThirdPartyKey} is answered 401, as third parties do. The key is looked up when a request
 * comes, as only the services with a simulator produce one: in the others no endpoint is bound to the check.
 */
public class ApiKeyCheck {

    private final Instance<ThirdPartyKey> party;

    public ApiKeyCheck(Instance<ThirdPartyKey> party) {
        this.party = party;
    }

    @ApiKeyRequired
    @ServerRequestFilter
    public Response requireApiKey(HttpHeaders headers) {
        ThirdPartyKey key = party.get();
        return key.key().accepts(headers.getHeaderString(HttpHeaders.AUTHORIZATION)) ? null
                : ApiKey.refusal(key.refusalBody());
    }
}
