package dev.orderflow.payment.provider;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.orderflow.common.security.ApiKey;
import dev.orderflow.payment.gateway.ProviderApiKey;
import dev.orderflow.payment.provider.ProviderApi.ErrorAnswer;

/** The simulated provider serves only a caller with its API key: any other request is answered 401, as providers do. */
public class ProviderAuthentication {

    private final ProviderApiKey key;

    public ProviderAuthentication(ProviderApiKey key) {
        this.key = key;
    }

    @ProviderAuthentication.Required
    @ServerRequestFilter
    public Response requireApiKey(HttpHeaders headers) {
        return key.key().accepts(headers.getHeaderString(HttpHeaders.AUTHORIZATION)) ? null
                : ApiKey.refusal(ErrorAnswer.invalidApiKey());
    }

    /** The endpoints of the simulated provider, which take its API key. */
    @NameBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ ElementType.TYPE, ElementType.METHOD })
    public @interface Required {
    }
}
