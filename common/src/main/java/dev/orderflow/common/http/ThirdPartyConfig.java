package dev.orderflow.common.http;

import java.util.Optional;

/**
 * The configuration group of a third party a service calls over HTTP (the payment provider, the carrier), under the
 * service's own prefix: {@code payment.provider}, {@code shipping.carrier}. Its URL is the rest client's
 * ({@code quarkus.rest-client.<client>.url}).
 */
public interface ThirdPartyConfig {

    /**
     * The API key the party issued, sent as {@code Authorization: Bearer <key>} ({@code <prefix>.api-key}, e.g.
     * PAYMENT_PROVIDER_API_KEY in the environment). The service's simulator of the party takes only this key; with none
     * configured, the client and the simulator share one made at random when the service starts (set one for any other
     * party).
     */
    Optional<String> apiKey();
}
