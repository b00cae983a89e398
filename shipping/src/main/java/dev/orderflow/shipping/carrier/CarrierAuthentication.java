package dev.orderflow.shipping.carrier;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.orderflow.common.security.ApiKey;
import dev.orderflow.shipping.carrier.CarrierApi.ErrorAnswer;
import dev.orderflow.shipping.gateway.CarrierApiKey;

/** The simulated carrier serves only a caller with its API key: any other request is answered 401, as carriers do. */
public class CarrierAuthentication {

    private final CarrierApiKey key;

    public CarrierAuthentication(CarrierApiKey key) {
        this.key = key;
    }

    @CarrierAuthentication.Required
    @ServerRequestFilter
    public Response requireApiKey(HttpHeaders headers) {
        return key.key().accepts(headers.getHeaderString(HttpHeaders.AUTHORIZATION)) ? null
                : ApiKey.refusal(ErrorAnswer.invalidApiKey());
    }

    /** The endpoints of the simulated carrier, which take its API key. */
    @NameBinding
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ ElementType.TYPE, ElementType.METHOD })
    public @interface Required {
    }
}
