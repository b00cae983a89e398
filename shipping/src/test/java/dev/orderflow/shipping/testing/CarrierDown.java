package dev.orderflow.shipping.testing;

import java.util.HashMap;
import java.util.Map;

import dev.orderflow.common.testing.ShortFaultTolerance;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A carrier that is down: the client is sent to a port nobody listens on (every connection refused), and the service's
 * own simulator fails every request ({@code shipping.simulator.failure-rate=1}) and holds a label to postal code
 * {@code 99999} for {@value #TIMEOUT_DELAY_MS} ms. Fault tolerance is shortened as in {@link CarrierOnWireMock}, and so
 * are the message retries.
 */
public class CarrierDown implements QuarkusTestProfile {

    public static final int TIMEOUT_DELAY_MS = 500;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(CarrierOnWireMock.faultTolerance("createLabel"));
        overrides.putAll(CarrierOnWireMock.faultTolerance("cancelLabel"));
        overrides.put("quarkus.rest-client.carrier.url", "http://localhost:" + ShortFaultTolerance.closedPort());
        overrides.put("shipping.simulator.failure-rate", "1");
        overrides.put("shipping.simulator.timeout-delay", TIMEOUT_DELAY_MS + "ms");
        overrides.putAll(ShortFaultTolerance.handlerRetry());
        return overrides;
    }
}
