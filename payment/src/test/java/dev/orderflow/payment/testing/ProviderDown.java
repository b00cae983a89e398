package dev.orderflow.payment.testing;

import java.util.HashMap;
import java.util.Map;

import dev.orderflow.common.testing.ShortFaultTolerance;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A payment provider that is down: the client is sent to a port nobody listens on (every connection refused), and the
 * service's own simulator fails every request ({@code payment.simulator.failure-rate=1}) and holds a
 * {@code tok_timeout} charge for {@value #TIMEOUT_DELAY_MS} ms. Fault tolerance is shortened as in
 * {@link ProviderOnWireMock}, and so are the message retries.
 */
public class ProviderDown implements QuarkusTestProfile {

    public static final int TIMEOUT_DELAY_MS = 500;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(ProviderOnWireMock.faultTolerance("charge"));
        overrides.putAll(ProviderOnWireMock.faultTolerance("refund"));
        overrides.put("quarkus.rest-client.payment-provider.url", "http://localhost:" + ShortFaultTolerance.closedPort());
        overrides.put("payment.simulator.failure-rate", "1");
        overrides.put("payment.simulator.timeout-delay", TIMEOUT_DELAY_MS + "ms");
        overrides.putAll(ShortFaultTolerance.handlerRetry());
        return overrides;
    }
}
